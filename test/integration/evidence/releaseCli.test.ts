/**
 * `change-control release plan` and `release verify` (built CLI, fake
 * GitHub, real git, the release fixture whose range v1.0.0..v1.1.0 has
 * every kind of deviation): plan files one release ticket and a re-run
 * never files a second nor rewrites an unchanged body; verify exits 0
 * only when an approver applied the approval label after the ticket's
 * last edit and the ticket lists every deviation, else 1 naming what is
 * missing (unapproved, approved by a non-approver, approved before the
 * last edit, a deviation not listed).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildCli, removeDir, runCliAsync as runCli, tempDir, testEnv } from '../cli/cliHarness';
import { makeRelease, REPO, TOKEN, type ReleaseFixture } from './releaseHistory';

const VERSION = 'v1.1.0';

describe('change-control release plan and verify (built CLI, fake GitHub, real git)', function () {
  this.timeout(120_000);
  let cliDir: string;
  let cli: string;
  let fx: ReleaseFixture;
  let env: NodeJS.ProcessEnv;

  const releaseTickets = () => [...fx.fake.state.repo(REPO).issues.values()].filter((i) => i.labels.includes('release'));
  const plan = () => runCli(cli, ['release', 'plan', '--version', VERSION, '--from', 'v1.0.0', '--to', 'v1.1.0'], fx.root, env);
  const verify = () => runCli(cli, ['release', 'verify', '--version', VERSION], fx.root, env);
  const minute = (m: number) => fx.fake.state.setTime(new Date(Date.UTC(2026, 0, 6, 9, m)).toISOString());

  before(async () => {
    cliDir = tempDir('cc-release-cli-');
    cli = await buildCli(cliDir);
  });
  after(() => removeDir(cliDir));

  beforeEach(async () => {
    fx = await makeRelease();
    env = { ...testEnv, GITHUB_TOKEN: TOKEN, GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: fx.fake.url };
    minute(0);
  });
  afterEach(async () => {
    await fx?.fake.stop();
    assert.deepEqual(fx?.fake.violations, [], 'the fake saw no contract violations');
    removeDir(fx?.dir);
  });

  it('files one release ticket listing every change and deviation; a re-run files no second one', async () => {
    const first = await plan();
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Filed release ticket #\d+ for v1\.1\.0: 6 change\(s\) since v1\.0\.0, \d+ deviation\(s\)\./);
    const [ticket, ...more] = releaseTickets();
    assert.ok(ticket && more.length === 0, 'one release ticket');
    assert.equal(ticket.title, 'Release v1.1.0');
    assert.match(ticket.body ?? '', /^<!-- change-control:release v1\.1\.0 from v1\.0\.0 to [0-9a-f]{40} -->/);
    for (const pr of Object.values(fx.prs).filter((n) => n !== fx.prs.open)) assert.match(ticket.body ?? '', new RegExp(`- PR #${pr} `));
    assert.match(ticket.body ?? '', /\| PR #\d+ \| `no-ticket` \|/);
    assert.match(ticket.body ?? '', new RegExp(`\\| ${fx.directSha.slice(0, 12)} \\| \`direct-push-to-base\` \\|`));
    minute(5);
    const again = await plan();
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`^Unchanged: release ticket #${ticket.number} `));
    assert.equal(releaseTickets().length, 1, 'no second ticket');
    assert.equal(ticket.lastEditedAt ?? null, null, 'an unchanged body is not rewritten (that would void an approval)');
  });

  it('verifies only an approval by an approver after the last edit, with every deviation listed', async () => {
    assert.equal((await plan()).code, 0);
    const ticket = releaseTickets()[0]!;

    // Unapproved.
    const unapproved = await verify();
    assert.equal(unapproved.code, 1, unapproved.stdout + unapproved.stderr);
    assert.match(unapproved.stdout, new RegExp(`Release ticket #${ticket.number} is not approved: an approver must apply the "Approved" label`));

    // Approved (no approvers in the policy: whoever may label issues approves).
    minute(10);
    fx.fake.state.labelIssue(REPO, ticket.number, 'Approved', 'cto');
    const jsonFile = path.join(fx.dir, 'release.json');
    const approved = await runCli(cli, ['release', 'verify', '--version', VERSION, '--json', jsonFile], fx.root, env);
    assert.equal(approved.code, 0, approved.stdout + approved.stderr);
    const doc = JSON.parse(readFileSync(jsonFile, 'utf8')) as { release: { ticket: { number: number }; approval: { by: string; byApprover: boolean; afterLastEdit: boolean }; verified: boolean } };
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.resolve(__dirname, '../../../schemas/evidence-v1.schema.json'), 'utf8')) as object);
    assert.ok(validate(doc), JSON.stringify(validate.errors));
    assert.deepEqual([doc.release.ticket.number, doc.release.approval.by, doc.release.approval.byApprover, doc.release.approval.afterLastEdit, doc.release.verified], [ticket.number, 'cto', true, true, true]);
    assert.match(approved.stdout, new RegExp(`Release v1\\.1\\.0 is verified: release ticket #${ticket.number} approved by cto at .*; all \\d+ deviations listed`));

    // Edited after the approval: approved before the last update.
    minute(20);
    fx.fake.state.issue(REPO, ticket.number).body = `${ticket.body}\nA late remark.`;
    fx.fake.state.issue(REPO, ticket.number).lastEditedAt = fx.fake.state.now();
    const stale = await verify();
    assert.equal(stale.code, 1);
    assert.match(stale.stdout, /was approved by cto at .*, before its last edit at .*: approve it again/);

    // A deviation removed from the ticket, then approved again: still not verified.
    minute(30);
    const issue = fx.fake.state.issue(REPO, ticket.number);
    issue.body = (issue.body ?? '').split('\n').filter((l) => !l.includes('`direct-push-to-base`')).join('\n');
    issue.lastEditedAt = fx.fake.state.now();
    minute(31);
    fx.fake.state.unlabelIssue(REPO, ticket.number, 'Approved', 'cto');
    fx.fake.state.labelIssue(REPO, ticket.number, 'Approved', 'cto');
    const unlisted = await verify();
    assert.equal(unlisted.code, 1);
    assert.match(unlisted.stdout, new RegExp(`does not list 1 deviation of the range: ${fx.directSha.slice(0, 12)} direct-push-to-base`));
  });

  it('refuses an approval by someone who is not an approver', async () => {
    execFileSync('git', ['-C', fx.root, 'switch', '-q', '-c', 'policy-base', 'v1.0.0'], { env: testEnv });
    mkdirSync(path.join(fx.root, '.github'), { recursive: true });
    writeFileSync(path.join(fx.root, '.github', 'change-control.json'), JSON.stringify({ tracker: { approvers: ['cto'] } }), { flag: 'w' });
    execFileSync('git', ['-C', fx.root, 'add', '.github/change-control.json'], { env: testEnv });
    execFileSync('git', ['-C', fx.root, 'commit', '-q', '--no-verify', '-m', 'Name the approvers'], { env: testEnv });
    execFileSync('git', ['-C', fx.root, 'switch', '-q', 'main'], { env: testEnv });
    const from = execFileSync('git', ['-C', fx.root, 'rev-parse', 'policy-base'], { env: testEnv, encoding: 'utf8' }).trim();
    // The policy at the start of the range names the approvers: the range starts at that commit.
    const planned = await runCli(cli, ['release', 'plan', '--version', VERSION, '--from', from, '--to', 'v1.1.0'], fx.root, env);
    assert.equal(planned.code, 0, planned.stderr);
    const ticket = releaseTickets()[0]!;
    minute(10);
    fx.fake.state.labelIssue(REPO, ticket.number, 'Approved', 'intern');
    const byIntern = await verify();
    assert.equal(byIntern.code, 1, byIntern.stdout + byIntern.stderr);
    assert.match(byIntern.stdout, new RegExp(`Release ticket #${ticket.number} was approved by intern, who is not an approver`));
    minute(20);
    fx.fake.state.unlabelIssue(REPO, ticket.number, 'Approved', 'intern');
    fx.fake.state.labelIssue(REPO, ticket.number, 'Approved', 'cto');
    const byCto = await verify();
    assert.equal(byCto.code, 0, byCto.stdout + byCto.stderr);
  });

  it('tags a verified release once: annotated tag pushed, GitHub Release with notes and evidence, one comment; a re-run changes nothing', async () => {
    const bare = path.join(fx.dir, 'origin.git');
    execFileSync('git', ['init', '-q', '--bare', bare], { env: testEnv });
    execFileSync('git', ['-C', fx.root, 'config', 'remote.origin.pushurl', bare], { env: testEnv });
    assert.equal((await plan()).code, 0);
    // The fixture's own lightweight tag marked the range's end; the release makes the real one.
    execFileSync('git', ['-C', fx.root, 'tag', '-d', 'v1.1.0'], { env: testEnv });
    const ticket = releaseTickets()[0]!;
    const tag = () => runCli(cli, ['release', 'tag', '--version', VERSION], fx.root, env);
    const refused = await tag();
    assert.equal(refused.code, 1, 'an unapproved release is not tagged');
    assert.match(refused.stdout, /is not verified, so it was not tagged/);
    assert.equal(fx.fake.state.repo(REPO).releases.length, 0);
    minute(10);
    fx.fake.state.labelIssue(REPO, ticket.number, 'Approved', 'cto');
    const first = await tag();
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /created the annotated tag v1\.1\.0 on [0-9a-f]{12}; published the GitHub Release v1\.1\.0; attached evidence-v1\.1\.0\.json; attached evidence-v1\.1\.0\.md; commented on release ticket/);
    const git = (...a: string[]) => execFileSync('git', a, { env: testEnv, encoding: 'utf8' }).trim();
    assert.equal(git('-C', fx.root, 'cat-file', '-t', 'refs/tags/v1.1.0'), 'tag', 'an annotated tag');
    assert.equal(git('-C', bare, 'rev-parse', 'refs/tags/v1.1.0^{commit}'), git('-C', fx.root, 'rev-parse', 'v1.1.0^{commit}'), 'pushed');
    const messageFile = path.join(fx.dir, 'tag-message.txt');
    writeFileSync(messageFile, git('-C', fx.root, 'tag', '-l', '--format=%(contents)', 'v1.1.0'));
    const lint = await runCli(cli, ['lint', messageFile], fx.root, env);
    assert.equal(lint.code, 0, `the tag message passes the linter: ${lint.stdout}`);
    const [release, ...others] = fx.fake.state.repo(REPO).releases;
    assert.ok(release && others.length === 0);
    for (const n of [fx.prs.clean, fx.prs.stale, fx.prs.late, fx.prs.never, fx.prs.noTicket]) assert.match(release.body ?? '', new RegExp(`\\[PR #${n}\\]\\(${fx.fake.url}/acme/app/pull/${n}\\)`));
    for (const t of [1, 2, 3, 4]) assert.match(release.body ?? '', new RegExp(`ticket \\[#${t}\\]\\(${fx.fake.url}/acme/app/issues/${t}\\)`));
    assert.deepEqual(release.assets.map((a) => a.name), ['evidence-v1.1.0.json', 'evidence-v1.1.0.md']);
    assert.equal((JSON.parse(release.assets[0]!.content) as { release: { verified: boolean } }).release.verified, true);
    const comments = () => fx.fake.state.issue(REPO, ticket.number).comments.length;
    assert.equal(comments(), 1);
    const again = await tag();
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /^Nothing to do: v1\.1\.0 is tagged, released and announced\./);
    assert.equal(fx.fake.state.repo(REPO).releases.length, 1);
    assert.equal(fx.fake.state.repo(REPO).releases[0]!.assets.length, 2);
    assert.equal(comments(), 1, 'one comment');
  });
});
