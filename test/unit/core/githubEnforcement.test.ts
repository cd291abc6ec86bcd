import { strict as assert } from 'node:assert';
import { buildChangeTree, renderChangeTreeText } from '../../../src/core/changeTree';
import {
  branchSettingsUrl,
  compareEnforcement,
  ENFORCEMENT_CHECKS,
  enforcementPolicyOf,
  isGateCheck,
  type EnforcedRules,
  type EnforcementPolicy,
  type EnforcementRead,
  type GitHubEnforcement,
} from '../../../src/core/githubEnforcement';
import { defaultPolicy, type Policy } from '../../../src/core/policy/schema';
import { assessReadiness } from '../../../src/core/readiness';
import { readySnapshot } from './changeSnapshotFixture';

/** Rules that enforce everything the default policy asks. */
const STRONG: EnforcedRules = {
  requiresPullRequest: true, requiredApprovals: 1, dismissesStaleReviews: true, requiresConversationResolution: true,
  requiredChecks: ['Change Control'], adminsBypass: false,
};
const NOTHING: EnforcedRules = { requiresPullRequest: false, requiredApprovals: 0, dismissesStaleReviews: false, requiresConversationResolution: false, requiredChecks: [], adminsBypass: false };
const read = (rules: Partial<EnforcedRules>, base: EnforcedRules = STRONG): EnforcementRead => ({ state: 'read', rules: { ...base, ...rules } });
const on = (rulesets: EnforcementRead, protection: EnforcementRead = { state: 'none' }): GitHubEnforcement => ({ branch: 'main', rulesets, protection });
const policy = (p: Partial<EnforcementPolicy> = {}): EnforcementPolicy => ({ baseBranch: 'main', requiredApprovals: 1, requireApprovalOfLatestCommit: false, requireResolvedConversations: true, ...p });
const ids = (e: GitHubEnforcement, p = policy()): string[] => compareEnforcement(p, e).warnings.map((w) => w.id);

describe('compareEnforcement (GitHub enforces less than the policy)', () => {
  it('finds nothing weaker when the rulesets enforce every setting', () => {
    const report = compareEnforcement(policy({ requireApprovalOfLatestCommit: true }), on(read({})));
    assert.deepEqual(report.warnings, []);
    assert.deepEqual(report.notes, []);
    assert.equal(report.compared, true);
  });

  const cases: { name: string; enforcement: GitHubEnforcement; policy?: Partial<EnforcementPolicy>; ids: string[] }[] = [
    { name: 'no rules at all: every gap', enforcement: on({ state: 'none' }), policy: { requireApprovalOfLatestCommit: true },
      ids: ['direct-push', 'required-approvals', 'dismiss-stale-reviews', 'conversation-resolution', 'gate-check-required'] },
    { name: 'fewer approvals than the policy', enforcement: on(read({ requiredApprovals: 1 })), policy: { requiredApprovals: 2 }, ids: ['required-approvals'] },
    { name: 'as many approvals as the policy', enforcement: on(read({ requiredApprovals: 2 })), policy: { requiredApprovals: 2 }, ids: [] },
    { name: 'no approvals asked by the policy', enforcement: on(read({ requiredApprovals: 0 })), policy: { requiredApprovals: 0 }, ids: [] },
    { name: 'stale reviews kept while the policy wants the latest commit approved', enforcement: on(read({ dismissesStaleReviews: false })), policy: { requireApprovalOfLatestCommit: true }, ids: ['dismiss-stale-reviews'] },
    { name: 'stale reviews kept, policy does not mind', enforcement: on(read({ dismissesStaleReviews: false })), policy: { requireApprovalOfLatestCommit: false }, ids: [] },
    { name: 'conversations not required resolved', enforcement: on(read({ requiresConversationResolution: false })), ids: ['conversation-resolution'] },
    { name: 'conversations not required, policy does not require them', enforcement: on(read({ requiresConversationResolution: false })), policy: { requireResolvedConversations: false }, ids: [] },
    { name: 'the gate check not required', enforcement: on(read({ requiredChecks: ['build'] })), ids: ['gate-check-required'] },
    { name: 'the gate check required as a job named change-control', enforcement: on(read({ requiredChecks: ['change-control'] })), ids: [] },
    { name: 'direct pushes allowed', enforcement: on(read({ requiresPullRequest: false })), ids: ['direct-push'] },
    { name: 'classic protection lets administrators push', enforcement: on({ state: 'none' }, read({ adminsBypass: true })), ids: ['direct-push'] },
    { name: 'a ruleset requires the pull request where protection lets administrators through', enforcement: on(read({}), read({ adminsBypass: true })), ids: [] },
    { name: 'settings combine across rulesets and protection (the strictest wins)',
      enforcement: on(read({ requiredApprovals: 2, requiredChecks: [] }, NOTHING), read({ requiresPullRequest: true, requiredChecks: ['Change Control'], requiresConversationResolution: true, dismissesStaleReviews: true }, NOTHING)),
      policy: { requiredApprovals: 2, requireApprovalOfLatestCommit: true }, ids: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(ids(c.enforcement, policy(c.policy)), c.ids));
  }

  it('names the exact setting, on the rulesets page when the branch has rulesets', () => {
    const [w] = compareEnforcement(policy({ requiredApprovals: 2 }), on(read({ requiredApprovals: 1 }))).warnings;
    assert.equal(w?.message, 'GitHub requires 1 approval on main; the policy requires 2');
    assert.equal(w?.setting, 'Settings → Rules → Rulesets → the ruleset for main → Require a pull request before merging → Required approvals: 2');
  });

  it('names the branch protection page when only classic protection is in use', () => {
    const report = compareEnforcement(policy({ requiredApprovals: 2 }), on({ state: 'none' }, read({ requiredApprovals: 0, requiresConversationResolution: false })));
    assert.equal(report.settingsPage, 'branches');
    assert.deepEqual(report.warnings.map((w) => w.setting), [
      'Settings → Branches → the branch protection rule for main → Require a pull request before merging → Required approvals: 2',
      'Settings → Branches → the branch protection rule for main → Require conversation resolution before merging',
    ]);
    assert.equal(report.warnings[0]?.message, 'GitHub requires no approval on main; the policy requires 2');
  });

  it('says branch protection could not be read, and compares the rulesets alone', () => {
    const report = compareEnforcement(policy(), on(read({ requiresConversationResolution: false }), { state: 'unreadable', reason: 'GitHub answered 403' }));
    assert.deepEqual(report.warnings.map((w) => w.id), ['conversation-resolution']);
    assert.match(report.notes.join('\n'), /branch protection not readable with this token/);
    assert.equal(report.compared, true);
  });

  it('compares nothing when neither source could be read', () => {
    const report = compareEnforcement(policy(), on({ state: 'unreadable', reason: 'GitHub answered 404' }, { state: 'unreadable', reason: 'GitHub answered 403' }));
    assert.equal(report.compared, false);
    assert.deepEqual(report.warnings, []);
    assert.equal(report.notes.length, 2);
  });

  it('declares each check once, with a distinct id', () => {
    const all = ENFORCEMENT_CHECKS.map((c) => c.id);
    assert.deepEqual([...new Set(all)], all);
    assert.equal(all.length, 5);
  });

  it('recognises the gate check however the job spells it, and nothing else', () => {
    for (const name of ['Change Control', 'change-control', 'change_control', 'CHANGE CONTROL']) assert.ok(isGateCheck(name), name);
    for (const name of ['build', 'Change Control / verify', 'control']) assert.ok(!isGateCheck(name), name);
  });

  it('links the settings page', () => {
    assert.equal(branchSettingsUrl('https://github.com/acme/app/', 'rules'), 'https://github.com/acme/app/settings/rules');
  });
});

describe('enforcementPolicyOf (keys read defensively)', () => {
  it('gives the defaults when the policy has no such keys', () => {
    const p = enforcementPolicyOf(defaultPolicy());
    assert.equal(p.requireApprovalOfLatestCommit, false);
    assert.equal(p.requireResolvedConversations, true);
    assert.equal(p.baseBranch, 'main');
  });

  it('reads them when present', () => {
    const base = defaultPolicy();
    const withKeys = { ...base, review: { ...base.review, requireApprovalOfLatestCommit: true, requireResolvedConversations: false } } as Policy;
    const p = enforcementPolicyOf(withKeys);
    assert.equal(p.requireApprovalOfLatestCommit, true);
    assert.equal(p.requireResolvedConversations, false);
  });
});

describe('the Change view section for GitHub enforcement', () => {
  const weak = compareEnforcement(policy(), on({ state: 'none' }));

  it('lists each warning with its setting and opens the settings page, without touching the verdict', () => {
    const snapshot = readySnapshot();
    const before = assessReadiness(snapshot);
    const withWarnings = { ...snapshot, enforcement: { ...weak, settingsUrl: 'https://github.com/acme/app/settings/rules' } };
    assert.deepEqual(assessReadiness(withWarnings), before, 'warnings never change the gate');
    assert.equal(before.ready, true);
    const node = buildChangeTree(withWarnings).find((n) => n.id === 'enforcement');
    assert.equal(node?.label, 'GitHub enforces less than the policy');
    assert.equal(node?.icon, 'warning');
    assert.equal(node?.status, 'warning');
    assert.deepEqual(node?.action, { kind: 'openUrl', url: 'https://github.com/acme/app/settings/rules' });
    assert.deepEqual(node?.children?.map((c) => c.id), weak.warnings.map((w) => `enforcement/${w.id}`));
    const text = renderChangeTreeText(buildChangeTree(withWarnings));
    assert.match(text, /! GitHub enforces less than the policy — 4 settings on main/);
    assert.match(text, /GitHub allows direct pushes to main; the policy requires a reviewed pull request — Settings → Rules → Rulesets/);
    assert.match(text, /^✓ Ready to merge/m);
  });

  it('shows nothing when GitHub enforces the policy, and nothing when it was not asked', () => {
    const strong = compareEnforcement(policy(), on(read({})));
    assert.equal(buildChangeTree({ ...readySnapshot(), enforcement: strong }).find((n) => n.id === 'enforcement'), undefined);
    assert.equal(buildChangeTree(readySnapshot()).find((n) => n.id === 'enforcement'), undefined);
  });

  it('shows the note when branch protection could not be read', () => {
    const partial = compareEnforcement(policy(), on(read({}), { state: 'unreadable', reason: '403' }));
    const node = buildChangeTree({ ...readySnapshot(), enforcement: partial }).find((n) => n.id === 'enforcement');
    assert.equal(node?.status, 'info');
    assert.match(node?.children?.[0]?.label ?? '', /branch protection not readable with this token/);
  });
});
