/**
 * The GitHub Action run as the runner runs it: `node action.js` (the
 * bundle action.yml names, built from the sources) with GITHUB_EVENT_NAME,
 * GITHUB_EVENT_PATH (GitHub's own example payloads from
 * @octokit/webhooks-examples, pointed at the test's pull request),
 * GITHUB_REPOSITORY, GITHUB_API_URL (the stand-in), GITHUB_STEP_SUMMARY,
 * GITHUB_OUTPUT and INPUT_*, in a real checkout. It asserts the commit
 * statuses it posts, the summary, the annotations and the outputs.
 */
import { strict as assert } from 'node:assert';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { removeDir, tempDir, testEnv } from '../cli/cliHarness';
import { makeChange, REPO, type ChangeFixture } from '../sidebar/changeRepo';
import { webhookExample } from '../../support/webhookExamples';

const ROOT = path.resolve(__dirname, '../../..');
const TOKEN = 'ghs_actiontoken000000000000000000000000';

interface ActionRun { code: number; stdout: string; summary: string; outputs: Record<string, string> }

/** GITHUB_OUTPUT's `name=value` and `name<<DELIM … DELIM` entries. */
function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) out[lines[i]!.slice(0, lines[i]!.indexOf('='))] = lines[i]!.slice(lines[i]!.indexOf('=') + 1);
  }
  return out;
}

describe('the GitHub Action, run as GitHub runs it (bundle, event payloads, stand-in)', function () {
  this.timeout(120_000);
  let bundleDir: string;
  let bundle: string;
  let fx: ChangeFixture;
  let extraEnv: NodeJS.ProcessEnv = {};

  before(async () => {
    bundleDir = tempDir('cc-action-');
    bundle = path.join(bundleDir, 'action.js');
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/action/main.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20',
      format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error', define: { __VERSION__: '"0.0.0-test"' },
    });
  });
  after(() => removeDir(bundleDir));
  beforeEach(async () => {
    fx = await makeChange();
  });
  afterEach(async () => {
    await fx?.fake.stop();
    assert.deepEqual(fx?.fake.violations, [], 'the stand-in saw no contract violations');
    removeDir(fx?.dir);
  });

  function payloadFor(event: string, action: string): Record<string, unknown> {
    const payload = webhookExample(event, action) as Record<string, Record<string, unknown>>;
    payload.repository!.full_name = REPO;
    if (payload.pull_request) {
      Object.assign(payload.pull_request, { number: fx.prNumber });
      Object.assign(payload.pull_request.head as object, { sha: fx.headSha });
      Object.assign(payload.pull_request.base as object, { sha: fx.baseSha, ref: 'main' });
    }
    if (payload.issue) Object.assign(payload.issue, { number: 1 });
    if (payload.label) Object.assign(payload.label, { name: 'Approved' });
    return payload;
  }

  function runAction(event: string, payload: unknown, inputs: Record<string, string> = {}): Promise<ActionRun> {
    const eventPath = path.join(fx.dir, `${event}.json`);
    const summaryPath = path.join(fx.dir, `summary-${Date.now()}.md`);
    const outputPath = path.join(fx.dir, `output-${Date.now()}.txt`);
    writeFileSync(eventPath, JSON.stringify(payload));
    writeFileSync(summaryPath, '');
    writeFileSync(outputPath, '');
    const env: NodeJS.ProcessEnv = {
      ...testEnv, GITHUB_TOKEN: '', GH_TOKEN: '', CHANGE_CONTROL_GITHUB_API_URL: '',
      GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: eventPath, GITHUB_REPOSITORY: REPO,
      GITHUB_API_URL: fx.fake.url, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '4242',
      GITHUB_STEP_SUMMARY: summaryPath, GITHUB_OUTPUT: outputPath, RUNNER_TEMP: fx.dir, INPUT_TOKEN: TOKEN,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      ...extraEnv,
    };
    return new Promise((resolve) => {
      execFile(process.execPath, [bundle], { cwd: fx.root, env, encoding: 'utf8', timeout: 60_000 }, (err, stdout) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, summary: readFileSync(summaryPath, 'utf8'), outputs: readOutputs(readFileSync(outputPath, 'utf8')) });
      });
    });
  }

  /** The same pull_request run, as the job GITHUB_JOB. */
  function runActionInJob(job: string): Promise<ActionRun> {
    extraEnv = { GITHUB_JOB: job };
    return runAction('pull_request', payloadFor('pull_request', 'opened')).finally(() => {
      extraEnv = {};
    });
  }

  const changeControlStatuses = () => fx.fake.state.statusLog.filter((s) => s.context === 'Change Control');

  it('pull_request: passes a ready change, posts a success status on the head, writes summary and outputs', async () => {
    const r = await runAction('pull_request', payloadFor('pull_request', 'opened'));
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(changeControlStatuses().map((s) => [s.sha, s.state, s.targetUrl]), [[fx.headSha, 'success', `https://github.com/${REPO}/actions/runs/4242`]]);
    assert.match(r.summary, new RegExp(`### ✅ #${fx.prNumber} Add the audit log export \\\\\\(\\\\#1\\\\\\): ready to merge`));
    assert.match(r.summary, /- Approvals: 1 of 1 required/);
    assert.deepEqual([r.outputs.ready, r.outputs.blockers], ['true', '[]']);
    assert.ok(!r.stdout.includes(TOKEN) && !r.summary.includes(TOKEN), 'the token never appears');
  });

  it('pull_request_review: a request for changes fails the step, annotates the blocker and posts failure', async () => {
    fx.fake.state.addReview(REPO, fx.prNumber, { user: 'gus', state: 'CHANGES_REQUESTED' });
    const r = await runAction('pull_request_review', payloadFor('pull_request_review', 'submitted'));
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, new RegExp(`^::error title=Change Control::#${fx.prNumber}: changes requested by gus$`, 'm'));
    const [status] = changeControlStatuses();
    assert.equal(status?.state, 'failure');
    assert.match(status?.description ?? '', /^Blocked: .*changes requested by gus/);
    assert.ok((status?.description ?? '').length <= 140);
    assert.equal(r.outputs.ready, 'false');
    assert.ok((JSON.parse(r.outputs.blockers ?? '[]') as string[]).includes('changes requested by gus'));
    assert.match(r.summary, /❌ #\d+ .*: blocked/);
  });

  it('issues.labeled: an approver\'s label turns the ticket\'s pull request green without a push', async () => {
    fx.fake.state.unlabelIssue(REPO, 1, 'Approved');
    const before = await runAction('pull_request', payloadFor('pull_request', 'synchronize'));
    assert.equal(before.code, 1, before.stdout);
    assert.equal(changeControlStatuses().at(-1)?.state, 'failure');

    fx.fake.state.labelIssue(REPO, 1, 'Approved', 'dana');
    const r = await runAction('issues', payloadFor('issues', 'labeled'));
    assert.equal(r.code, 0, r.stdout);
    const statuses = changeControlStatuses();
    assert.deepEqual(statuses.map((s) => s.state), ['failure', 'success'], r.stdout);
    assert.equal(statuses.at(-1)?.sha, fx.headSha);
    assert.match(r.summary, /## Change Control: ticket #1 was labeled/);
    assert.match(r.summary, new RegExp(`✅ #${fx.prNumber} .*ready to merge`));
  });

  it('issues.labeled on a ticket no open pull request names posts nothing', async () => {
    const payload = payloadFor('issues', 'labeled') as { issue: { number: number } };
    payload.issue.number = 99;
    const r = await runAction('issues', payload);
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(changeControlStatuses(), []);
    assert.match(r.summary, /No open pull request names ticket #99\./);
  });

  it('lint: passes a clean range, and annotates each commit-message problem of the pull request\'s range', async () => {
    const clean = await runAction('pull_request', payloadFor('pull_request', 'opened'), { command: 'lint' });
    assert.equal(clean.code, 0, clean.stdout);
    assert.match(clean.summary, /Every commit follows the policy\./);
    assert.equal(clean.outputs.ready, 'true');

    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'Added the export button'], { cwd: fx.root, env: testEnv });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: fx.root, env: testEnv, encoding: 'utf8' }).trim();
    const payload = payloadFor('pull_request', 'synchronize') as { pull_request: { head: { sha: string } } };
    payload.pull_request.head.sha = head;
    const r = await runAction('pull_request', payload, { command: 'lint' });
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, new RegExp(`^::error title=Change Control::${head.slice(0, 12)} present-tense: `, 'm'));
    assert.match(r.summary, /1 problem\(s\):/);
    assert.equal(r.outputs.ready, 'false');
  });

  it('verify in a job: its own running check run is not a check it waits for', async () => {
    fx.fake.state.addCheckRun(REPO, fx.headSha, { name: 'verify', status: 'in_progress' });
    const r = await runAction('pull_request', payloadFor('pull_request', 'opened'), {});
    assert.equal(r.code, 1, 'another job\'s pending check run still blocks');
    const own = await runActionInJob('verify');
    assert.equal(own.code, 0, own.stdout);
  });

  it('evidence: writes the report to the summary and its JSON path to the outputs', async () => {
    const r = await runAction('pull_request', payloadFor('pull_request', 'opened'), { command: 'evidence' });
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.summary, /^# Change evidence: pull request #\d+/m);
    assert.ok(r.outputs.evidence && existsSync(r.outputs.evidence), 'the evidence JSON exists');
    assert.equal((JSON.parse(readFileSync(r.outputs.evidence, 'utf8')) as { changes: unknown[] }).changes.length, 1);
  });

  it('release-verify: runs the release gate for the pushed tag, failing the job while nothing approves the release', async () => {
    extraEnv = { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v9.9.9' };
    const pushed = await runAction('push', { repository: { full_name: REPO } }, { command: 'release-verify' }).finally(() => {
      extraEnv = {};
    });
    assert.equal(pushed.code, 1, pushed.stdout);
    assert.match(pushed.summary, /## ❌ Release v9\.9\.9: not verified/);
    assert.match(pushed.stdout, /::error title=Change Control::No release ticket for v9\.9\.9: run change-control release plan --version v9\.9\.9\./);
    assert.equal(pushed.outputs.ready, 'false');
    const noVersion = await runAction('workflow_dispatch', { repository: { full_name: REPO } }, { command: 'release-verify' });
    assert.equal(noVersion.code, 2);
    assert.match(noVersion.summary, /release-verify needs the release: pass input `version`/);
  });

  it('refuses an unknown command and a manual run without a pull request, with exit 2', async () => {
    const bad = await runAction('pull_request', payloadFor('pull_request', 'opened'), { command: 'deploy' });
    assert.equal(bad.code, 2);
    assert.match(bad.stdout, /::error title=Change Control::input "command" must be one of verify, lint, evidence, release-verify/);
    const manual = await runAction('workflow_dispatch', { repository: { full_name: REPO } });
    assert.equal(manual.code, 2);
    assert.match(manual.summary, /input "pr" is needed on a workflow_dispatch event/);
  });
});

describe('action.yml', () => {
  const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    name: string; runs: { using: string; main: string }; inputs: Record<string, { default?: string }>; outputs: Record<string, unknown>;
  };

  it('runs the committed bundle with the runner\'s node 20, no build step', () => {
    assert.deepEqual(action.runs, { using: 'node20', main: 'dist/action.js' });
    assert.ok(existsSync(path.join(ROOT, action.runs.main)), `${action.runs.main} is committed`);
  });

  it('declares exactly the inputs and outputs the code reads and writes', () => {
    const source = readFileSync(path.join(ROOT, 'src/action/runAction.ts'), 'utf8');
    const read = new Set([...source.matchAll(/input\(\w+(?:\.\w+)*, '([\w-]+)'/g)].map((m) => m[1]));
    assert.deepEqual(Object.keys(action.inputs).sort(), [...read].sort());
    const written = new Set([...source.matchAll(/outputs(?:\.(\w+)|\['([\w-]+)'\]) =/g)].map((m) => m[1] ?? m[2]));
    assert.deepEqual(Object.keys(action.outputs).sort(), [...written].sort());
    assert.equal(action.inputs.token?.default, '${{ github.token }}');
    assert.equal(action.inputs.command?.default, 'verify');
  });
});
