import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { git, run, useBuiltCli } from './cliHarness';

describe('change-control lint (built CLI, real repositories)', function () {
  this.timeout(60_000);
  const h = useBuiltCli('cc-lint-', { repoPerTest: true });

  const lint = (...args: string[]) => run('node', [h.cli, 'lint', ...args], h.repo);
  const commit = (message: string) => git(h.repo, 'commit', '-q', '--allow-empty', '--no-verify', '-m', message);
  const writePolicy = (text: string) => {
    mkdirSync(path.join(h.repo, '.github'), { recursive: true });
    writeFileSync(path.join(h.repo, '.github', 'change-control.json'), text);
  };

  it('lints every commit of a range, with sha and subject headers, and fails on one bad message', () => {
    const base = git(h.repo, 'rev-parse', 'HEAD').trim();
    commit('Add the parser');
    commit('Fixed the build');
    git(h.repo, 'checkout', '-q', '-b', 'side');
    commit('Add a side change');
    git(h.repo, 'checkout', '-q', 'main');
    git(h.repo, 'merge', '-q', '--no-ff', '--no-edit', 'side');
    const r = lint('--range', `${base}..HEAD`);
    assert.equal(r.status, 1, r.stderr);
    const sha = git(h.repo, 'log', '-1', '--format=%H', 'HEAD~1').trim();
    assert.match(r.stdout, /^commit [0-9a-f]{12} Add the parser$/m);
    assert.match(r.stdout, /^commit [0-9a-f]{12} Fixed the build$/m);
    assert.match(r.stdout, /^commit [0-9a-f]{12} Merge branch 'side' \(merge\)$/m);
    assert.match(r.stdout, new RegExp(`^${sha.slice(0, 12)}:1:1: error present-tense: `, 'm'));
    assert.match(r.stdout, /4 commits checked, 1 with errors\./);
  });

  it('passes a clean range and reports JSON rows with the commit', () => {
    const base = git(h.repo, 'rev-parse', 'HEAD').trim();
    commit('Add the parser');
    const clean = lint('--range', `${base}..HEAD`);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    commit('Adding tests');
    const json = lint('--range', `${base}..HEAD`, '--format', 'json');
    assert.equal(json.status, 1);
    const rows = JSON.parse(json.stdout) as { commit: string; rule: string; line: number }[];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.rule, 'present-tense');
    assert.equal(rows[0]!.commit, git(h.repo, 'rev-parse', 'HEAD').trim());
  });

  it('exits 2 on an unknown revision with a readable message', () => {
    const r = lint('--range', 'nope..HEAD');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /"nope\.\.HEAD" names a revision this repository does not have/);
  });

  it('applies the repository policy file', () => {
    writePolicy('{ "commit": { "requireTicket": true } }');
    writeFileSync(path.join(h.repo, 'msg.txt'), 'Add the parser\n');
    const r = lint('msg.txt');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^msg\.txt:1:\d+: error ticket-reference: /m);
    writeFileSync(path.join(h.repo, 'msg.txt'), 'Add the parser\n\nRefs #12\n');
    assert.equal(lint('msg.txt').status, 0);
  });

  it('exits 2 on an invalid policy file with located errors and no crash', () => {
    writePolicy('{\n  "commit": {\n    "subjectMaxLength": "seventy"\n  },\n  "colour": 1\n}\n');
    writeFileSync(path.join(h.repo, 'msg.txt'), 'Add the parser\n');
    const r = lint('msg.txt');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^\.github\/change-control\.json:3:5: error policy: "commit\.subjectMaxLength": /m);
    assert.match(r.stderr, /^\.github\/change-control\.json:5:3: error policy: Unknown key "colour"/m);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');

    writePolicy('{ "commit": ');
    const broken = lint('msg.txt');
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /change-control\.json:1:\d+: error policy: JSON syntax error/);
  });

  it('takes --policy over the repository file, and reads stdin', () => {
    writePolicy('{ "colour": 1 }');
    const policy = path.join(h.work, `policy-${h.n}.json`);
    writeFileSync(policy, '{ "commit": { "requireTicket": true } }');
    const r = run('node', [h.cli, 'lint', '--policy', policy, '-'], h.repo, 'Add the parser\n');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^<stdin>:1:\d+: error ticket-reference: /m);
  });

  it("honours core.commentChar when reading a message with git's comments", () => {
    git(h.repo, 'config', 'core.commentChar', ';');
    const text = 'Add the parser\n\n; Please enter the commit message for your changes. This comment line is far longer than seventy-two columns.\n';
    assert.equal(run('node', [h.cli, 'lint', '-'], h.repo, text).status, 0);
    git(h.repo, 'config', 'core.commentChar', '#');
    const r = run('node', [h.cli, 'lint', '-'], h.repo, text);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /body-max-line-length/);
    // git 2.45 spells it core.commentString; the later setting wins.
    git(h.repo, 'config', 'core.commentString', ';');
    assert.equal(run('node', [h.cli, 'lint', '-'], h.repo, text).status, 0);
  });
});
