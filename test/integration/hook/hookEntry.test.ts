/**
 * The installed hook runs out/hook.js (the lint-only bundle through V8's
 * code cache), not the whole CLI: same findings and exit codes as
 * `lint --hook`, a cache that is written once and never trusted when
 * corrupt, and the policy memo that keeps zod out of later commits.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildCli, git, makeRepo, removeDir, run, tempDir } from '../cli/cliHarness';

describe('commit-msg hook entry hook.js (real git)', function () {
  this.timeout(60_000);
  let work: string;
  let cli: string;
  let bin: string;
  let repo: string;
  let n = 0;

  before(async () => {
    work = tempDir('cc-hook-entry-');
    bin = path.join(work, 'bin');
    cli = await buildCli(bin);
  });
  after(() => removeDir(work));
  beforeEach(() => {
    repo = path.join(work, `repo-${++n}`);
    mkdirSync(repo);
    makeRepo(repo);
    for (const f of readdirSync(bin).filter((name) => name.endsWith('.cache') || name.endsWith('.policies.json'))) rmSync(path.join(bin, f), { force: true });
  });

  const commit = (message: string) => run('git', ['commit', '--allow-empty', '-m', message], repo);
  const said = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

  it('installs a hook that runs hook.js beside cli.js, and writes its caches on the first commit', () => {
    const install = run('node', [cli, 'install-hook'], repo);
    assert.equal(install.status, 0, install.stderr);
    assert.match(install.stdout, /runs .*hook\.js\)/);
    assert.match(readFileSync(path.join(repo, '.git/hooks/commit-msg'), 'utf8'), /hook\.js' *\n/);
    const rejected = commit('Added x');
    assert.equal(rejected.status, 1, said(rejected));
    assert.match(said(rejected), /error present-tense: /);
    assert.match(said(rejected), /git commit -e -F/);
    assert.ok(existsSync(path.join(bin, 'hook-lint.js.cache')), 'the code cache is written');
    assert.ok(existsSync(path.join(bin, 'hook-lint.js.policies.json')), 'the policy memo is written');
    assert.equal(commit('Add x').status, 0);
  });

  it('prints exactly what lint --hook prints, with a cache, a corrupt cache and none', () => {
    const file = path.join(work, `msg-${n}.txt`);
    writeFileSync(file, 'Added a subject line that goes on and on well past the seventy-two columns\nno blank line\n');
    const hook = path.join(bin, 'hook.js');
    const expected = run('node', [cli, 'lint', '--hook', file], repo);
    assert.equal(expected.status, 1);
    const cache = path.join(bin, 'hook-lint.js.cache');
    const first = run('node', [hook, file], repo);
    assert.ok(existsSync(cache));
    const cached = run('node', [hook, file], repo);
    const bytes = readFileSync(cache);
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(cache, bytes);
    const corrupt = run('node', [hook, file], repo);
    assert.notDeepEqual(readFileSync(cache), bytes, 'the corrupt cache was rewritten');
    for (const r of [first, cached, corrupt]) {
      assert.equal(r.status, expected.status, said(r));
      assert.equal(r.stdout, expected.stdout);
      assert.equal(r.stderr, expected.stderr);
    }
  });

  it('reports an invalid policy like lint (exit 2), every time (the memo keeps the problems), and follows an edit', () => {
    mkdirSync(path.join(repo, '.github'));
    const policy = path.join(repo, '.github', 'change-control.json');
    writeFileSync(policy, '{ "commit": { "subjectMaxLength": 5, "requireTicket": true } }');
    assert.equal(run('node', [cli, 'install-hook'], repo).status, 0);
    for (let i = 0; i < 2; i++) {
      const r = commit('Add x (#1)');
      assert.notEqual(r.status, 0, said(r));
      assert.match(said(r), /\.github\/change-control\.json:1:\d+: error policy: /);
      assert.match(said(r), /no message was checked/);
    }
    const direct = run('node', [path.join(bin, 'hook.js'), '.git/COMMIT_EDITMSG'], repo);
    assert.equal(direct.status, 2, 'an invalid policy is exit 2, as for lint');
    writeFileSync(policy, '{ "commit": { "requireTicket": true } }');
    assert.match(said(commit('Add x')), /error ticket-reference: /);
    assert.equal(commit('Add x (#1)').status, 0);
    assert.equal(git(repo, 'log', '-1', '--format=%s').trim(), 'Add x (#1)');
  });

  it('gives the findings lint --hook gives on the message corpus, under the default policy and a ticket policy', function () {
    this.timeout(240_000); // ~160 node processes
    const corpus = path.join(__dirname, '../../fixtures/commitMessages');
    const messages = readdirSync(corpus).map((name) => path.join(corpus, name));
    // Subjects whose first words fall in many of the lexicon's runs (FrontCodedSet), verbs and not.
    const subjects = ['Added x', 'Fixes the uploader', 'Updating docs', 'Refactored the queue', 'Zipped logs', 'Quoted names',
      'Yanked the release', 'Ignored files', 'Joins tables', 'Kept state', 'Unused variable removal', 'Overrode the default',
      'Missing tests for the parser', 'Built in support', 'Looks for a key', 'Xeroxed pages', 'Värden added', 'Wrote the spec (#1)',
      'ABC-12: Valid subject', 'Ensure growth stays linear'];
    subjects.forEach((subject, i) => {
      const file = path.join(work, `corpus-${n}-${i}.txt`);
      writeFileSync(file, `${subject}\n\nA body line.\n`);
      messages.push(file);
    });
    mkdirSync(path.join(repo, '.github'));
    const policy = path.join(repo, '.github', 'change-control.json');
    const hook = path.join(bin, 'hook.js');
    for (const text of [null, '{ "commit": { "requireTicket": true, "ticketPattern": "[A-Z]+-[0-9]+|#[0-9]+", "subjectMaxLength": 50 } }']) {
      if (text) writeFileSync(policy, text);
      for (const message of messages) {
        const expected = run('node', [cli, 'lint', '--hook', message], repo);
        const actual = run('node', [hook, message], repo);
        const where = `${path.basename(message)} (${text ? 'ticket policy' : 'no policy'})`;
        assert.equal(actual.status, expected.status, `${where}: ${said(actual)}`);
        assert.equal(actual.stdout, expected.stdout, where);
        assert.equal(actual.stderr, expected.stderr, where);
      }
    }
  });

  it('fails with exit 2 and a clear message outside its usage', () => {
    const r = run('node', [path.join(bin, 'hook.js')], repo);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /give the message file/);
    const missing = run('node', [path.join(bin, 'hook.js'), path.join(work, 'nope.txt')], repo);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*nope\.txt/);
  });

  it('applies what the policy extends, and follows an edit of the extended file (no memo for it)', () => {
    mkdirSync(path.join(repo, '.github'), { recursive: true });
    mkdirSync(path.join(repo, 'policies'), { recursive: true });
    writeFileSync(path.join(repo, '.github/change-control.json'), JSON.stringify({ extends: 'policies/org.json' }));
    writeFileSync(path.join(repo, 'policies/org.json'), JSON.stringify({ commit: { subjectMaxLength: 30 } }));
    const hook = path.join(bin, 'hook.js');
    const file = path.join(work, `msg-${n}.txt`);
    writeFileSync(file, 'Add a subject longer than thirty columns\n');
    const strict = run('node', [hook, file], repo);
    assert.equal(strict.status, 1, said(strict));
    assert.match(said(strict), /subject-max-length/);
    writeFileSync(path.join(repo, 'policies/org.json'), JSON.stringify({ commit: { subjectMaxLength: 72 } }));
    const relaxed = run('node', [hook, file], repo);
    assert.equal(relaxed.status, 0, `the edited extended policy applies at once\n${said(relaxed)}`);
  });
});
