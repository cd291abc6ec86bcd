/**
 * An in-memory git port (src/core/ports.ts GitPort) for the use-case unit
 * tests: each answer is a field to set, and every call is recorded.
 */
import type { BaseState, ChangeBaseOptions, GitPort, PushResult, RangeCommit, RepositoryChange, StartChangeLock } from '../../../src/core/ports';
import type { RepoSnapshot } from '../../../src/core/startChange';

export class FakeGitPort implements GitPort {
  calls: string[] = [];
  branch: string | undefined = 'feature/12-add-x';
  config = new Map<string, string>();
  commits: RangeCommit[] = [];
  base: BaseState = { baseRef: 'origin/main', behind: 0 };
  change: RepositoryChange = { baseRef: 'origin/main', mergeBase: 'b45e000000', changes: [], tree: [], inlineTests: new Set() };
  changeError: Error | undefined;
  templates: Record<string, string> = {};
  readChangeOptions: ChangeBaseOptions[] = [];

  async currentBranch(): Promise<string | undefined> { return this.branch; }
  async createBranch(name: string, startPoint: string): Promise<void> { this.calls.push(`create ${name} ${startPoint}`); this.branch = name; }
  async switchBranch(name: string): Promise<void> { this.calls.push(`switch ${name}`); this.branch = name; }
  async refExists(ref: string): Promise<boolean> { return ref === `refs/heads/${this.branch}`; }
  async commitsInRange(range: string): Promise<RangeCommit[]> { this.calls.push(`log ${range}`); return this.commits; }
  async readChange(options: ChangeBaseOptions): Promise<RepositoryChange> {
    this.calls.push('readChange');
    this.readChangeOptions.push(options);
    if (this.changeError) throw this.changeError;
    return this.change;
  }
  async templateCandidates(): Promise<string[]> { return Object.keys(this.templates); }
  async trackedFile(path: string): Promise<string> { return this.templates[path] ?? ''; }
  async getBranchConfig(branch: string, key: string): Promise<string | undefined> { return this.config.get(`${branch}.${key}`); }
  async setBranchConfig(branch: string, key: string, value: string): Promise<void> { this.calls.push(`config ${branch}.${key}=${value}`); this.config.set(`${branch}.${key}`, value); }
  async fetch(remote: string): Promise<void> { this.calls.push(`fetch ${remote}`); }
  async push(remote: string, branch: string): Promise<PushResult> { this.calls.push(`push ${remote} ${branch}`); return { updated: true }; }
  async baseState(remote: string, baseBranch: string): Promise<BaseState> { this.calls.push(`baseState ${remote} ${baseBranch}`); return this.base; }
  async lock(): Promise<StartChangeLock> { return { notes: [], release: async () => undefined }; }
  async snapshot(): Promise<RepoSnapshot> {
    return {
      branch: this.branch, headCommit: 'c0ffee0000', operations: [], changes: { staged: [], unstaged: [], untracked: [], conflicted: [] },
      remotes: ['origin'], localBranches: this.branch ? [this.branch] : [], remoteBranches: ['origin/main'], remoteHeads: {},
    };
  }
}
