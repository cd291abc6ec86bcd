/**
 * The hook lints the message git will store: real `git commit -m`, `-F`
 * and editor runs (GIT_EDITOR scripts) with the hook installed, each
 * checked against what git then records.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { git, run, testEnv, useBuiltCli } from '../cli/cliHarness';
import { spawnSync } from 'node:child_process';

const SCISSORS = '# ------------------------ >8 ------------------------';
const LONG = 'This line is far longer than seventy-two columns, and git keeps it in the message.';

describe('commit-msg hook: the message as git stores it (real git)', function () {
  this.timeout(60_000);
  const h = useBuiltCli('cc-cleanup-', { repoPerTest: true });
  beforeEach(() => {
    const install = run('node', [h.cli, 'install-hook'], h.repo);
    assert.equal(install.status, 0, install.stderr);
  });

  const said = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;
  const lastMessage = () => git(h.repo, 'log', '-1', '--format=%B').replace(/\n+$/, '');
  const commitM = (message: string) => run('git', ['commit', '--allow-empty', '-m', message], h.repo);
  const commitF = (message: string, ...flags: string[]) => {
    const file = path.join(h.work, `msg-${h.n}.txt`);
    writeFileSync(file, message);
    return run('git', ['commit', '--allow-empty', ...flags, '-F', file], h.repo);
  };
  /** `git commit` with an editor script that writes `text` above git's template (the template stays below). */
  const commitInEditor = (text: string, ...flags: string[]) => {
    const script = path.join(h.work, `editor-${h.n}.js`);
    writeFileSync(script, `const fs = require('fs'); const f = process.argv[2]; fs.writeFileSync(f, ${JSON.stringify(text)} + fs.readFileSync(f, 'utf8'));\n`);
    const env = { ...testEnv, GIT_EDITOR: `node ${JSON.stringify(script)}` };
    return spawnSync('git', ['commit', '--allow-empty', ...flags], { cwd: h.repo, env, encoding: 'utf8', timeout: 20_000 });
  };

  it('accepts git commit -m "#12 Fix the login timeout": git keeps that line as the subject', () => {
    const r = commitM('#12 Fix the login timeout');
    assert.equal(r.status, 0, said(r));
    assert.equal(lastMessage(), '#12 Fix the login timeout');
  });

  it('lints a -m "#..." subject like any other', () => {
    const r = commitM('#12 Fixed the login timeout');
    assert.notEqual(r.status, 0);
    assert.match(said(r), /error present-tense: /);
    assert.doesNotMatch(said(r), /subject-empty/);
  });

  it('lints the lines after a scissors line under -F, which git keeps', () => {
    const rejected = commitF(`Add the parser\n\n${SCISSORS}\n${LONG}\n`);
    assert.notEqual(rejected.status, 0, 'the kept tail breaks body-max-line-length');
    assert.match(said(rejected), /:4:73: error body-max-line-length: /);
    const accepted = commitF(`Add the parser\n\n${SCISSORS}\nA short tail.\n`);
    assert.equal(accepted.status, 0, said(accepted));
    assert.equal(lastMessage(), `Add the parser\n\n${SCISSORS}\nA short tail.`, 'git stored the scissors line and its tail');
  });

  it('drops comment lines in the editor, where git strips them', () => {
    const r = commitInEditor('#12 a note git drops\nAdd the parser\n');
    assert.equal(r.status, 0, said(r));
    assert.equal(lastMessage(), 'Add the parser');
    const empty = commitInEditor('#12 Fix the login timeout\n');
    assert.notEqual(empty.status, 0);
    assert.match(said(empty), /subject-empty/);
  });

  it('keeps comment lines in the editor under commit.cleanup=whitespace', () => {
    git(h.repo, 'config', 'commit.cleanup', 'whitespace');
    const r = commitInEditor('#12 Fix the login timeout\n\n');
    assert.equal(r.status, 0, said(r));
    assert.match(lastMessage(), /^#12 Fix the login timeout\n/, 'git kept the line (and its own help text)');
  });

  it('lints the tail after a bare scissors line in the editor, and cuts at git\'s -v block', () => {
    const tail = commitInEditor(`Add the parser\n\nBody.\n${SCISSORS}\n${LONG}\n`);
    assert.notEqual(tail.status, 0, 'without -v git keeps the tail');
    assert.match(said(tail), /error body-max-line-length: /);
    writeFileSync(path.join(h.repo, 'long.txt'), `${LONG} ${LONG}\n`);
    git(h.repo, 'add', 'long.txt');
    const verbose = commitInEditor('Add the long file\n\nBody.\n', '-v');
    assert.equal(verbose.status, 0, said(verbose));
    assert.equal(lastMessage(), 'Add the long file\n\nBody.', 'git cut the diff off');
  });

  it('lints the subject after fixup!, and lets git --fixup through', () => {
    const bad = commitM('fixup! Added a backdoor');
    assert.notEqual(bad.status, 0);
    assert.match(said(bad), /:1:8: error present-tense: /);
    const fixup = run('git', ['commit', '--allow-empty', '--fixup', 'HEAD'], h.repo);
    assert.equal(fixup.status, 0, said(fixup));
    assert.equal(lastMessage(), 'fixup! Add the readme');
  });

  it('applies requireTicket to Merge and Revert look-alikes, not to git merge', () => {
    mkdirSync(path.join(h.repo, '.github'));
    writeFileSync(path.join(h.repo, '.github', 'change-control.json'), '{ "commit": { "requireTicket": true } }');
    for (const m of ["Merge branch 'x': Add a backdoor", 'Revert "x" Add a backdoor', 'fixup! Add a backdoor']) {
      const r = commitM(m);
      assert.notEqual(r.status, 0, m);
      assert.match(said(r), /error ticket-reference: /, m);
    }
    git(h.repo, 'checkout', '-q', '-b', 'side');
    git(h.repo, 'commit', '-q', '--allow-empty', '--no-verify', '-m', 'Add a side change (#1)');
    git(h.repo, 'checkout', '-q', 'main');
    const merge = run('git', ['merge', '--no-ff', '--no-edit', 'side'], h.repo);
    assert.equal(merge.status, 0, said(merge));
    assert.equal(lastMessage(), "Merge branch 'side'");
  });
});
