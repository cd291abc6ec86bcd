/**
 * Output a user can trust: messages read whole (NUL-separated git output),
 * control characters escaped in text, a JSON error object whenever JSON
 * is asked for, exit 2 for usage and environment errors.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { git, removeDir, run, tempDir, useBuiltCli } from './cliHarness';

const LONG = 'This body line is far longer than seventy-two columns and must be reported.';

describe('change-control output that can be trusted (built CLI, real repositories)', function () {
  this.timeout(60_000);
  const h = useBuiltCli('cc-output-', { repoPerTest: true });
  let base: string;
  beforeEach(() => {
    base = git(h.repo, 'rev-parse', 'HEAD').trim();
  });

  const cc = (...args: string[]) => run('node', [h.cli, ...args], h.repo);
  const commitF = (message: string) => {
    const file = path.join(h.work, `msg-${h.n}.txt`);
    writeFileSync(file, message);
    git(h.repo, 'commit', '-q', '--allow-empty', '--no-verify', '--cleanup=verbatim', '-F', file);
  };
  const errorOf = (stdout: string) => (JSON.parse(stdout) as { error: { code: string; message: string; hint: string | null } }).error;

  it('reads a message with a 0x1E byte whole in lint --range', () => {
    commitF(`Add the parser \x1e record separator\n\n${LONG}\n`);
    const r = cc('lint', '--range', `${base}..HEAD`);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /:3:73: error body-max-line-length: /);
    assert.match(r.stdout, /^commit [0-9a-f]{12} Add the parser \\x1e record separator$/m);
  });

  it('lints a stored "#12 …" subject as the subject', () => {
    git(h.repo, 'commit', '-q', '--allow-empty', '--no-verify', '-m', '#12 Fix the login timeout');
    const r = cc('lint', '--range', `${base}..HEAD`);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 commit checked, 0 with errors/);
  });

  it('reports unsquashed fixup! and squash! commits, and a hand-made Merge subject, in lint --range', () => {
    git(h.repo, 'commit', '-q', '--allow-empty', '--no-verify', '--fixup', 'HEAD');
    git(h.repo, 'commit', '-q', '--allow-empty', '--no-verify', '-m', 'squash! Add the readme');
    const r = cc('lint', '--range', `${base}..HEAD`, '--format', 'json');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const rows = JSON.parse(r.stdout) as { rule: string; line: number; column: number }[];
    assert.deepEqual(rows.map((row) => row.rule), ['unsquashed-fixup', 'unsquashed-fixup']);
    assert.match(cc('lint', '--range', `${base}..HEAD`).stdout, /error unsquashed-fixup: Squash this fixup! commit .*--autosquash/);

    mkdirSync(path.join(h.repo, '.github'));
    writeFileSync(path.join(h.repo, '.github', 'change-control.json'), '{ "commit": { "requireTicket": true } }');
    const head = git(h.repo, 'rev-parse', 'HEAD').trim();
    git(h.repo, 'commit', '-q', '--allow-empty', '--no-verify', '-m', "Merge branch 'side'");
    const fake = cc('lint', '--range', `${head}..HEAD`);
    assert.equal(fake.status, 1, 'a one-parent commit with a merge subject is the user\'s text');
    assert.match(fake.stdout, /error ticket-reference: /);
  });

  it('escapes terminal control characters in subjects and file names, not in JSON', () => {
    commitF('Added \x1b[2J\x1b[31mred\u202e text\r\n');
    const lint = cc('lint', '--range', `${base}..HEAD`);
    assert.ok(!/[\x1b\r\u202e]/.test(lint.stdout), JSON.stringify(lint.stdout));
    assert.match(lint.stdout, /commit [0-9a-f]{12} Added \\x1b\[2J\\x1b\[31mred\\u202e text\\r\n/);

    git(h.repo, 'checkout', '-q', '-b', 'feature/x');
    mkdirSync(path.join(h.repo, 'src'));
    const evil = 'src/a\x1b]0;owned\x07\n\u009bb.ts';
    writeFileSync(path.join(h.repo, evil), 'export const a = 1;\n');
    const tests = cc('check-tests', '--base', 'main');
    assert.equal(tests.status, 1, tests.stdout + tests.stderr);
    assert.ok(!/[\x07\x1b\u009b]/.test(tests.stdout), JSON.stringify(tests.stdout));
    assert.match(tests.stdout, /^src\/a\\x1b\]0;owned\\x07\\n\\x9bb\.ts: missing/m);

    const json = cc('check-tests', '--base', 'main', '--format', 'json');
    assert.ok(!/[\x07\x1b\u009b]/.test(json.stdout), 'JSON carries escapes, not the raw bytes');
    const parsed = JSON.parse(json.stdout) as { sources: { path: string }[] };
    assert.equal(parsed.sources[0]!.path, evil, 'and the data is exact');
  });

  it('prints a JSON error object on stdout for lint, check-tests and evidence, and exits 2', () => {
    const cases: [string[], string][] = [
      [['lint', '--range', 'nope..HEAD', '--format', 'json'], 'usage'],
      [['lint', 'missing.txt', '--format=json'], 'usage'],
      [['check-tests', '--base', 'nope', '--format', 'json'], 'git.baseNotFound'],
      [['check-tests', '--format', 'json', '--bogus'], 'usage'],
      [['evidence', '--pr', '1', '--format', 'json'], 'github.unauthorized'],
    ];
    for (const [args, code] of cases) {
      const r = run('node', [h.cli, ...args], h.repo);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      const error = errorOf(r.stdout);
      assert.equal(error.code, code, args.join(' '));
      assert.ok(error.message.length > 0);
      assert.ok('hint' in error);
      assert.match(r.stderr, /^change-control /, 'the text still goes to stderr');
    }
    writeFileSync(path.join(h.repo, 'msg.txt'), 'Add x\n');
    mkdirSync(path.join(h.repo, '.github'));
    writeFileSync(path.join(h.repo, '.github', 'change-control.json'), '{ "colour": 1 }');
    const invalid = cc('lint', 'msg.txt', '--format', 'json');
    assert.equal(invalid.status, 2);
    assert.equal(errorOf(invalid.stdout).code, 'policy.invalid');
    assert.match(invalid.stderr, /Unknown key "colour"/);
  });

  it('exits 2 for usage and environment errors, 1 only for findings', () => {
    const outside = tempDir('cc-outside-');
    try {
      assert.equal(run('node', [h.cli, 'check-tests'], outside).status, 2, 'not a repository');
      assert.equal(run('node', [h.cli, 'lint', '--range', 'a..b'], outside).status, 2);
    } finally {
      removeDir(outside);
    }
    assert.equal(cc('check-tests', '--base', 'nope').status, 2, 'bad revision');
    assert.equal(cc('lint', 'missing.txt').status, 2, 'unreadable file');
    assert.equal(cc('lint', '--nope', 'x').status, 2, 'invalid flag');
    assert.equal(cc('nope').status, 2, 'unknown command');
    writeFileSync(path.join(h.repo, 'msg.txt'), 'Added x\n');
    assert.equal(cc('lint', 'msg.txt').status, 1, 'a finding');
  });
});
