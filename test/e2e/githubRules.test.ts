import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fakeGitHub, git, recordErrorMessages, signInToFake, type ApiShape } from './support';

const BRANCH = 'feature/1-github-rules';
const HEADING = 'GitHub enforces less than the policy';

interface Row { label: string; description: string; icon: string | undefined; command: vscode.Command | undefined; depth: number }

/** Every item of the Change view with its icon and click command, depth first. */
async function rows(api: ApiShape): Promise<Row[]> {
  const view = api.changeView as { provider: vscode.TreeDataProvider<unknown>; refresh(): Promise<void> };
  await view.refresh();
  const out: Row[] = [];
  const walk = async (element: unknown, depth: number): Promise<void> => {
    for (const child of (await view.provider.getChildren(element as never)) ?? []) {
      const item = await view.provider.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
      out.push({ label, description: typeof item.description === 'string' ? item.description : '', icon, command: item.command, depth });
      await walk(child, depth + 1);
    }
  };
  await walk(undefined, 0);
  return out;
}

describe("the Change view: GitHub's branch rules beside the policy", () => {
  let api: ApiShape;
  let errors: ReturnType<typeof recordErrorMessages>;

  before(async () => {
    api = (await activateExtension()).api;
    await signInToFake();
    errors = recordErrorMessages();
    git(['switch', '-q', 'main']);
    git(['switch', '-q', '-c', BRANCH]);
  });

  after(() => {
    errors.restore();
    git(['switch', '-q', 'main']);
    git(['branch', '-q', '-D', BRANCH]);
  });

  it('shows a warning row per weaker setting that opens the branch settings on GitHub, and leaves the verdict alone', async () => {
    await fakeGitHub('/call', { op: 'setBranchRules', args: ['acme/clinic-app', 'main', [
      { type: 'pull_request', parameters: { required_approving_review_count: 0, dismiss_stale_reviews_on_push: false, require_code_owner_review: false, require_last_push_approval: false, required_review_thread_resolution: false } },
    ]] });
    const weak = await rows(api);
    const text = weak.map((r) => `${'  '.repeat(r.depth)}${r.label} — ${r.description}`).join('\n');
    const heading = weak.find((r) => r.label === HEADING);
    assert.ok(heading, `the section is shown:\n${text}`);
    assert.equal(heading.icon, 'warning');
    assert.equal(heading.command?.command, 'vscode.open');
    assert.match(String(heading.command?.arguments?.[0]), /\/acme\/clinic-app\/settings\/rules$/);
    const approvals = weak.find((r) => r.label === 'GitHub requires no approval on main; the policy requires 1');
    assert.ok(approvals, text);
    assert.match(approvals.description, /Settings → Rules → Rulesets → the ruleset for main → Require a pull request before merging → Required approvals: 1/);
    assert.ok(weak.some((r) => r.label.startsWith('GitHub does not require the “Change Control” check on main')), text);

    await fakeGitHub('/call', { op: 'setBranchRules', args: ['acme/clinic-app', 'main', [
      { type: 'pull_request', parameters: { required_approving_review_count: 1, dismiss_stale_reviews_on_push: true, require_code_owner_review: false, require_last_push_approval: false, required_review_thread_resolution: true } },
      { type: 'required_status_checks', parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: 'Change Control' }] } },
    ]] });
    const strict = await rows(api);
    assert.equal(strict.find((r) => r.label === HEADING), undefined, `nothing weaker: no section:\n${strict.map((r) => `${'  '.repeat(r.depth)}${r.label} — ${r.description}`).join('\n')}`);
    assert.deepEqual([strict[0]?.label, strict[0]?.description], [weak[0]?.label, weak[0]?.description], 'the readiness line is the same either way');
    assert.deepEqual(errors.messages, []);
  });
});
