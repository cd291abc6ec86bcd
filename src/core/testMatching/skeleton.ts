/**
 * Minimal test files for "Create Test File": one pure template per test
 * runner (testRunner.ts picks it from the repository's own files), so the
 * new file runs, and fails visibly, in the runner the repository uses.
 *
 * Every stub carries a marker line (STUB_MARKER in a comment). While the
 * line is there, the matching-tests check does not count the file as a
 * test that covers its source ("stub not yet written"): creating a file is
 * not testing. Deleting the line says the test is written.
 */
import { splitPath } from './paths';
import { normaliseStem } from './stem';
import type { TestRunner } from './testRunner';

/** The word in a stub's first comment line that marks it as not yet written. */
export const STUB_MARKER = 'change-control:stub';

/** Characters of a test file looked at for the marker (a stub's marker is on its first lines). */
export const STUB_SCAN_CHARS = 4096;

/** A line that is only a comment starting with the marker (`// change-control:stub …`, `# change-control:stub …`). */
const MARKER_LINE = /^[ \t]*(?:\/\/|#) change-control:stub\b/m;

/**
 * Whether a test file's text is a stub not yet written: its first
 * STUB_SCAN_CHARS characters hold the marker line. Linear; never throws.
 */
export function isUnwrittenStub(text: string): boolean {
  return MARKER_LINE.test(text.length > STUB_SCAN_CHARS ? text.slice(0, STUB_SCAN_CHARS) : text);
}

function markerLine(comment: '//' | '#'): string {
  return `${comment} ${STUB_MARKER}: Change Control counts this file as a test once this line is deleted.`;
}

function relativeImport(fromFile: string, toFile: string): string {
  const from = splitPath(fromFile).dir.split('/').filter(Boolean);
  const to = toFile.replace(/\.(?:[cm]?[jt]sx?)$/, '').split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

function javaPackage(testPath: string): string | undefined {
  const m = /(?:^|\/)src\/[A-Za-z]*[Tt]est\/(?:java|kotlin|scala|groovy)\/(.+)\/[^/]+$/.exec(testPath);
  return m?.[1]?.replace(/\//g, '.');
}

function className(testPath: string): string {
  return splitPath(testPath).name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** The runner a test file's extension implies when nothing else is known. */
function defaultRunner(ext: string): TestRunner | undefined {
  if (['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'].includes(ext)) return 'node:test';
  const by: Record<string, TestRunner> = { py: 'pytest', go: 'go', java: 'junit5', kt: 'junit5', rb: 'rspec', cs: 'xunit', rs: 'cargo', php: 'phpunit' };
  return Object.hasOwn(by, ext) ? by[ext] : undefined;
}

interface StubFacts {
  testPath: string;
  sourcePath: string;
  ext: string;
  /** The source's file name without its extension. */
  subject: string;
  /** An identifier-safe stem. */
  stem: string;
  todo: string;
}

function jsStub(runner: 'mocha' | 'jest' | 'vitest' | 'node:test', f: StubFacts): string[] {
  const cjs = f.ext === 'cjs';
  const load = (names: string, from: string): string => (cjs ? `const ${names.replace(/ as /g, ': ')} = require('${from}');` : `import ${names} from '${from}';`);
  const subject = cjs ? `const subject = require('${relativeImport(f.testPath, f.sourcePath)}');` : `import * as subject from '${relativeImport(f.testPath, f.sourcePath)}';`;
  const header: Record<typeof runner, string[]> = {
    mocha: [load('{ strict as assert }', 'node:assert')],
    'node:test': [load('{ describe, it }', 'node:test'), load('{ strict as assert }', 'node:assert')],
    vitest: [load('{ describe, expect, it }', 'vitest')],
    jest: [],
  };
  const fail = runner === 'mocha' || runner === 'node:test'
    ? [`    assert.ok(subject);`, `    assert.fail('${f.todo}');`]
    : [`    expect(subject).toBeDefined();`, `    throw new Error('${f.todo}');`];
  return [markerLine('//'), ...header[runner], subject, '',
    `describe('${f.subject}', () => {`, `  it('is tested', () => {`, ...fail, '  });', '});'];
}

function jvmStub(runner: 'junit4' | 'junit5', f: StubFacts): string[] {
  const pkg = javaPackage(f.testPath);
  const cls = className(f.testPath);
  const kotlin = f.ext === 'kt';
  const header = pkg ? [`package ${pkg}${kotlin ? '' : ';'}`, ''] : [];
  const api = runner === 'junit5' ? { test: 'org.junit.jupiter.api.Test', fail: 'org.junit.jupiter.api.Assertions.fail' } : { test: 'org.junit.Test', fail: 'org.junit.Assert.fail' };
  const visibility = runner === 'junit4' ? 'public ' : '';
  if (kotlin) {
    const failCall = runner === 'junit5' ? `fail<Unit>("${f.todo}")` : `fail("${f.todo}")`;
    return [markerLine('//'), ...header, `import ${api.test}`, `import ${api.fail}`, '', `class ${cls} {`, '    @Test', `    fun ${f.stem}IsTested() {`, `        ${failCall}`, '    }', '}'];
  }
  return [markerLine('//'), ...header, `import static ${api.fail};`, '', `import ${api.test};`, '', `${visibility}class ${cls} {`, '  @Test', `  ${visibility}void ${f.stem}IsTested() {`, `    fail("${f.todo}");`, '  }', '}'];
}

function stubLines(runner: TestRunner, f: StubFacts): string[] {
  switch (runner) {
    case 'mocha':
    case 'jest':
    case 'vitest':
    case 'node:test':
      return jsStub(runner, f);
    case 'pytest':
      return [markerLine('#'), `"""Tests for ${f.sourcePath}."""`, '', '', `def test_${f.stem}():`, `    assert False, "${f.todo}"`];
    case 'unittest':
      return [markerLine('#'), `"""Tests for ${f.sourcePath}."""`, 'import unittest', '', '', `class Test${f.stem.charAt(0).toUpperCase()}${f.stem.slice(1)}(unittest.TestCase):`,
        `    def test_${f.stem}(self):`, `        self.fail("${f.todo}")`, '', '', 'if __name__ == "__main__":', '    unittest.main()'];
    case 'go': {
      const pkg = splitPath(f.testPath).dir.split('/').pop() || 'main';
      const fn = f.subject.replace(/(^|[_-])([a-z])/g, (_m, _s: string, c: string) => c.toUpperCase());
      return [markerLine('//'), '', `package ${pkg.replace(/[^A-Za-z0-9_]/g, '_')}`, '', 'import "testing"', '', `func Test${fn}(t *testing.T) {`, `\tt.Fatal("${f.todo}")`, '}'];
    }
    case 'junit4':
    case 'junit5':
      return jvmStub(runner, f);
    case 'rspec':
      return [markerLine('#'), `RSpec.describe "${f.subject}" do`, `  it "is tested" do`, `    pending "${f.todo}"`, '    raise "not written yet"', '  end', 'end'];
    case 'minitest':
      return [markerLine('#'), 'require "minitest/autorun"', '', `class Test${className(f.testPath).replace(/^test_|_test$/g, '')} < Minitest::Test`, `  def test_${f.stem}`, `    flunk "${f.todo}"`, '  end', 'end'];
    case 'xunit':
      return [markerLine('//'), 'using Xunit;', '', `public class ${className(f.testPath)}`, '{', '    [Fact]', `    public void ${f.subject.replace(/[^A-Za-z0-9_]/g, '_')}IsTested()`, '    {', `        Assert.Fail("${f.todo}");`, '    }', '}'];
    case 'nunit':
      return [markerLine('//'), 'using NUnit.Framework;', '', '[TestFixture]', `public class ${className(f.testPath)}`, '{', '    [Test]', `    public void ${f.subject.replace(/[^A-Za-z0-9_]/g, '_')}IsTested()`, '    {', `        Assert.Fail("${f.todo}");`, '    }', '}'];
    case 'cargo': {
      const body = ['#[test]', `fn ${f.stem}_is_tested() {`, `    todo!("${f.todo}");`, '}'];
      // An integration test (tests/*.rs) is a crate of tests; a source file's tests sit in a cfg(test) module.
      const integration = /(?:^|\/)tests\//.test(f.testPath);
      return integration ? [markerLine('//'), ...body] : [markerLine('//'), '#[cfg(test)]', 'mod tests {', ...body.map((l) => `    ${l}`), '}'];
    }
    case 'phpunit':
      return ['<?php', markerLine('//'), '', 'use PHPUnit\\Framework\\TestCase;', '', `final class ${className(f.testPath)} extends TestCase`, '{', `    public function test${f.subject}(): void`, '    {', `        $this->markTestIncomplete('${f.todo}');`, '    }', '}'];
  }
}

/**
 * The text of a new test file at `testPath` for `sourcePath` (both
 * repository-relative), written for `runner` (by default the usual runner
 * of the test file's language).
 */
export function testSkeleton(testPath: string, sourcePath: string, runner?: TestRunner): string {
  const { ext } = splitPath(testPath);
  const chosen = runner ?? defaultRunner(ext);
  if (!chosen) return `${markerLine('#')}\nTests for ${sourcePath}\n`;
  const subject = splitPath(sourcePath).name;
  const stem = normaliseStem(splitPath(sourcePath).base).replace(/[^A-Za-z0-9_]/g, '_') || 'subject';
  // Quotes and backslashes in a path would end the string literal early.
  const todo = `write a test for ${sourcePath.replace(/["'\\`$]/g, '_')}`;
  const safeSubject = subject.replace(/["'\\`$]/g, '_');
  return `${stubLines(chosen, { testPath, sourcePath, ext, subject: safeSubject, stem, todo }).join('\n')}\n`;
}
