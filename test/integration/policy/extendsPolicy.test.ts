/**
 * `extends` in real temporary repositories with the built CLI: a policy
 * file in the repository (read from the base commit's tree for the gate,
 * so a change cannot swap it), an npm package in node_modules (version
 * pinned; for the gate the base's package-lock.json integrity), and
 * `policy --explain` naming where each value came from.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadPolicyFile } from '../../../src/git/policyFile';
import { buildCli, git, makeRepo, removeDir, runCliAsync, tempDir, testEnv } from '../cli/cliHarness';

const POLICY = '.github/change-control.json';
const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;
const env = { ...testEnv, GITHUB_TOKEN: '', GH_TOKEN: '' };

describe('extends: organisation policy (built CLI, temp repositories)', function () {
  this.timeout(120_000);
  let dir: string;
  let cli: string;
  before(async () => {
    dir = tempDir('cc-extends-');
    cli = await buildCli(dir);
  });
  after(() => removeDir(dir));

  function repo(name: string, files: Record<string, string>): string {
    const root = path.join(dir, name);
    mkdirSync(root);
    makeRepo(root);
    write(root, files);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '--no-verify', '-m', 'Add the policy');
    return root;
  }
  function message(text: string): string {
    const file = path.join(dir, `msg-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(file, `${text}\n`);
    return file;
  }
  function write(root: string, files: Record<string, string>): void {
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), text);
    }
  }

  it('a repository path: lint applies the extended rules, and policy --explain names the file', async () => {
    const root = repo('path', { 'policies/org.json': json({ commit: { subjectMaxLength: 30 } }), [POLICY]: json({ extends: 'policies/org.json', commit: { subjectMaxLength: 60 } }) });
    const lint = await runCliAsync(cli, ['lint', message('Add a subject that is longer than thirty columns')], root, env);
    assert.equal(lint.code, 1, lint.stdout + lint.stderr);
    assert.match(lint.stdout + lint.stderr, /30/);
    const explain = await runCliAsync(cli, ['policy', '--explain', '--format', 'json'], root, env);
    assert.equal(explain.code, 0, explain.stderr);
    const doc = JSON.parse(explain.stdout) as { extends: string[]; policy: { commit: { subjectMaxLength: number } }; sources: Record<string, string>; ignored: string[] };
    assert.deepEqual(doc.extends, ['policies/org.json']);
    assert.equal(doc.policy.commit.subjectMaxLength, 30);
    assert.match(doc.sources['commit.subjectMaxLength']!, /^extended policy policies\/org\.json \([0-9a-f]{12}:policies\/org\.json\)$/);
    assert.equal(doc.sources['commit.bodyMaxLineLength'], 'default');
    assert.match(doc.ignored[0]!, /change-control\.json: commit\.subjectMaxLength 60 is looser than 30 in policies\/org\.json, which it extends: 30 applies$/);
    const text = await runCliAsync(cli, ['policy', '--explain'], root, env);
    assert.match(text.stdout, /commit\.subjectMaxLength +30 +← extended policy policies\/org\.json/);
  });

  it('a change cannot loosen through extends: the base commit\'s file governs, and the edit is noted', async () => {
    const root = repo('loosen', { 'policies/org.json': json({ review: { requiredApprovals: 2 } }), [POLICY]: json({ extends: 'policies/org.json' }) });
    git(root, 'switch', '-q', '-c', 'feature/1-lax');
    write(root, { 'policies/org.json': json({ review: { requiredApprovals: 0 } }), 'policies/lax.json': json({}) });
    const edited = await runCliAsync(cli, ['policy', '--format', 'json'], root, env);
    assert.equal((JSON.parse(edited.stdout) as { policy: { review: { requiredApprovals: number } } }).policy.review.requiredApprovals, 2, 'the work tree\'s edit of the extended file does not govern');
    write(root, { [POLICY]: json({ extends: 'policies/lax.json' }) });
    const pointed = await runCliAsync(cli, ['policy', '--format', 'json'], root, env);
    const doc = JSON.parse(pointed.stdout) as { policy: { review: { requiredApprovals: number } }; notes: string[] };
    assert.equal(doc.policy.review.requiredApprovals, 2);
    assert.ok(doc.notes.some((n) => n.startsWith('policy changed in this change: applies after merge')), doc.notes.join('\n'));
    assert.ok(doc.notes.some((n) => /extends differs from the base policy/.test(n)), doc.notes.join('\n'));
  });

  it('an npm package: the pinned version applies; another installed version is a located problem, and the gate refuses', async () => {
    const pkg = 'node_modules/@acme/policy';
    const root = repo('npm', {
      [POLICY]: json({ extends: 'npm:@acme/policy@1.2.3' }),
      'package-lock.json': json({ lockfileVersion: 3, packages: { [pkg]: { version: '1.2.3', integrity: 'sha512-good' } } }),
    });
    write(root, {
      [`${pkg}/package.json`]: json({ name: '@acme/policy', version: '1.2.3' }),
      [`${pkg}/change-control.json`]: json({ commit: { requireTicket: true } }),
      'node_modules/.package-lock.json': json({ lockfileVersion: 3, packages: { [pkg]: { version: '1.2.3', integrity: 'sha512-good' } } }),
    });
    const ok = await runCliAsync(cli, ['policy', '--explain', '--format', 'json'], root, env);
    assert.equal(ok.code, 0, ok.stderr);
    const doc = JSON.parse(ok.stdout) as { policy: { commit: { requireTicket: boolean } }; sources: Record<string, string> };
    assert.equal(doc.policy.commit.requireTicket, true);
    assert.equal(doc.sources['commit.requireTicket'], 'extended policy npm:@acme/policy@1.2.3 (node_modules/@acme/policy/change-control.json)');
    const lint = await runCliAsync(cli, ['lint', message('Add the audit log export')], root, env);
    assert.equal(lint.code, 1, 'the extended requireTicket applies in lint');

    // A change's lock file installs another tarball of the same version: the gate cannot prove it is the pinned one.
    write(root, { 'node_modules/.package-lock.json': json({ lockfileVersion: 3, packages: { [pkg]: { version: '1.2.3', integrity: 'sha512-evil' } } }) });
    const gate = await runCliAsync(cli, ['status'], root, env);
    assert.equal(gate.code, 2, gate.stdout + gate.stderr);
    assert.match(gate.stderr, /policy invalid[\s\S]*cannot be shown to be the one the base commit's package-lock\.json pins \(integrity differs\)/);

    // Another version installed: a located problem at extends (lint refuses any policy problem, as it does for a typo).
    write(root, { [`${pkg}/package.json`]: json({ name: '@acme/policy', version: '1.2.4' }) });
    const fallback = await runCliAsync(cli, ['lint', message('Add the audit log export')], root, env);
    assert.equal(fallback.code, 2, fallback.stdout + fallback.stderr);
    assert.match(fallback.stderr, /change-control\.json:2:14: error policy: extends npm:@acme\/policy@1\.2\.3 cannot be read: node_modules holds @acme\/policy 1\.2\.4, but the policy pins 1\.2\.3/);
  });
});

describe('extends in an untrusted workspace (policy readers, in process)', () => {
  it('reads no node_modules package: the extended policy does not apply, and the problem says why', async () => {
    const dir = tempDir('cc-extends-untrusted-');
    try {
      makeRepo(dir);
      mkdirSync(path.join(dir, 'node_modules/@acme/policy'), { recursive: true });
      writeFileSync(path.join(dir, 'node_modules/@acme/policy/package.json'), json({ name: '@acme/policy', version: '1.2.3' }));
      writeFileSync(path.join(dir, 'node_modules/@acme/policy/change-control.json'), json({ commit: { subjectMaxLength: 30 } }));
      mkdirSync(path.join(dir, '.github'));
      writeFileSync(path.join(dir, POLICY), json({ extends: 'npm:@acme/policy@1.2.3' }));
      const trusted = await loadPolicyFile(dir, { trusted: true });
      const untrusted = await loadPolicyFile(dir, { trusted: false });
      assert.equal(trusted.policy.commit.subjectMaxLength, 30, 'a trusted workspace applies the package');
      assert.equal(untrusted.policy.commit.subjectMaxLength, 72, 'an untrusted one does not read it');
      assert.match(untrusted.problems.map((p) => p.message).join('\n'), /not trusted, so node_modules and GitHub are not read/);
    } finally {
      removeDir(dir);
    }
  });
});
