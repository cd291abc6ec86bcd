/**
 * Minimal test files for "Create test file": one pure template per
 * language, so the new file runs (and fails or passes visibly) in the
 * language's usual framework.
 */
import { splitPath } from './paths';
import { normaliseStem } from './stem';

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

/** The text of a new test file at `testPath` for `sourcePath` (both repository-relative). */
export function testSkeleton(testPath: string, sourcePath: string): string {
  const { ext } = splitPath(testPath);
  const subject = splitPath(sourcePath).name;
  const stem = normaliseStem(splitPath(sourcePath).base) || 'subject';
  switch (ext) {
    case 'ts':
    case 'tsx':
    case 'mts':
    case 'cts':
    case 'js':
    case 'jsx':
    case 'mjs':
    case 'cjs':
      return [
        `import * as subject from '${relativeImport(testPath, sourcePath)}';`,
        '',
        `describe('${subject}', () => {`,
        `  it('is tested', () => {`,
        `    expect(subject).toBeDefined();`,
        '  });',
        '});',
        '',
      ].join('\n');
    case 'py':
      return [`"""Tests for ${sourcePath}."""`, '', '', `def test_${stem}():`, `    assert False, "write a test for ${sourcePath}"`, ''].join('\n');
    case 'go': {
      const pkg = splitPath(testPath).dir.split('/').pop() || 'main';
      const fn = subject.replace(/(^|[_-])([a-z])/g, (_m, _s: string, c: string) => c.toUpperCase());
      return [`package ${pkg.replace(/[^A-Za-z0-9_]/g, '_')}`, '', 'import "testing"', '', `func Test${fn}(t *testing.T) {`, `\tt.Skip("write a test for ${sourcePath}")`, '}', ''].join('\n');
    }
    case 'java':
    case 'kt': {
      const pkg = javaPackage(testPath);
      const cls = className(testPath);
      const header = pkg ? [`package ${pkg}${ext === 'java' ? ';' : ''}`, ''] : [];
      if (ext === 'kt') {
        return [...header, 'import org.junit.jupiter.api.Test', 'import org.junit.jupiter.api.Assertions.fail', '', `class ${cls} {`, '    @Test', `    fun ${stem}IsTested() {`, `        fail<Unit>("write a test for ${subject}")`, '    }', '}', ''].join('\n');
      }
      return [...header, 'import static org.junit.jupiter.api.Assertions.fail;', '', 'import org.junit.jupiter.api.Test;', '', `class ${cls} {`, '  @Test', `  void ${stem}IsTested() {`, `    fail("write a test for ${subject}");`, '  }', '}', ''].join('\n');
    }
    case 'rb':
      return [`RSpec.describe "${subject}" do`, `  it "is tested" do`, `    pending "write a test for ${sourcePath}"`, '  end', 'end', ''].join('\n');
    case 'cs':
      return ['using Xunit;', '', `public class ${className(testPath)}`, '{', '    [Fact]', `    public void ${subject.replace(/[^A-Za-z0-9_]/g, '_')}IsTested()`, '    {', `        Assert.Fail("write a test for ${subject}");`, '    }', '}', ''].join('\n');
    case 'rs':
      return ['#[cfg(test)]', 'mod tests {', '    #[test]', `    fn ${stem}_is_tested() {`, `        todo!("write a test for ${sourcePath}");`, '    }', '}', ''].join('\n');
    case 'php':
      return ['<?php', '', 'use PHPUnit\\Framework\\TestCase;', '', `final class ${className(testPath)} extends TestCase`, '{', `    public function test${subject}(): void`, '    {', `        $this->markTestIncomplete('write a test for ${subject}');`, '    }', '}', ''].join('\n');
    default:
      return `Tests for ${sourcePath}\n`;
  }
}
