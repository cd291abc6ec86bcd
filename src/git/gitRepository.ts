/**
 * One repository behind the git port (src/core/ports.ts GitPort), which
 * the use cases in src/app take: branches, commits, config, remotes and
 * status. Every call goes through openGit/gitCall (argument arrays,
 * translated errors). Nothing here stashes or resets; the only push is
 * Open Pull Request's, never forced.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ChangeControlError } from '../core/errors';
import type { RepoOperation, RepoSnapshot, WorkingChanges } from '../core/startChange';
import type { BaseState, ChangeBaseOptions, GitPort, PushResult, RangeCommit, RepositoryChange, StartChangeLock } from '../core/ports';
import { readChange } from './changes';
import { commitsInRange } from './commits';
import { commitExists, gitCall, openGit } from './git';
import { listTemplateCandidates, readBaseState, readTrackedFile } from './pullRequestGit';
import { pushBranch } from './push';
import { acquireStartLock } from './startLock';
import type { TreeListingMemo } from './treeListing';

export interface GitRepositoryOptions {
  /** Milliseconds without output before a fetch is abandoned. */
  fetchTimeoutMs?: number;
  /**
   * Remembers the tracked tree between readChange calls while the index
   * is unchanged (the editor keeps one per repository across checks).
   */
  treeMemo?: TreeListingMemo;
}

/** Marker files of operations that must finish before a branch switch. */
const OPERATION_MARKERS: [string, RepoOperation][] = [
  ['MERGE_HEAD', 'merge'],
  ['rebase-merge', 'rebase'],
  ['rebase-apply', 'rebase'],
  ['CHERRY_PICK_HEAD', 'cherry-pick'],
  ['REVERT_HEAD', 'revert'],
  ['BISECT_LOG', 'bisect'],
];

export class GitRepository implements GitPort {
  private readonly git;

  constructor(
    readonly root: string,
    private readonly options: GitRepositoryOptions = {},
  ) {
    this.git = openGit(root);
  }

  /** The Start Change lock, in the git directory (shared by linked work trees' own git dirs). */
  async lock(): Promise<StartChangeLock> {
    const lockPath = (await this.raw('Find the git directory', ['rev-parse', '--git-path', 'change-control/start.lock'])).trim();
    return acquireStartLock(path.resolve(this.root, lockPath));
  }

  async snapshot(): Promise<RepoSnapshot> {
    const [branch, headCommit, operations, changes, remotes, refs] = await Promise.all([
      this.currentBranch(),
      this.raw('Read HEAD', ['rev-parse', '-q', '--verify', 'HEAD^{commit}']).then((s) => s.trim() || undefined),
      this.operations(),
      this.changes(),
      this.raw('List remotes', ['remote']).then(lines),
      this.refs(),
    ]);
    return { branch, headCommit, operations, changes, remotes, ...refs };
  }

  /** Fetch `remote`; `signal` cancels it (reported as 'cancelled'). */
  async fetch(remote: string, signal?: AbortSignal): Promise<void> {
    const git = openGit(this.root, { timeoutMs: this.options.fetchTimeoutMs ?? 60_000, ...(signal ? { signal } : {}) });
    try {
      await gitCall(`Fetch ${remote}`, () => git.raw(['fetch', remote]));
    } catch (err) {
      if (signal?.aborted) throw new ChangeControlError('cancelled', `Fetching ${remote} was cancelled; nothing was changed.`, { cause: err });
      throw err;
    }
  }

  /**
   * `git switch --no-track -c NAME START`: uncommitted changes come along
   * when they do not conflict; when they do, git refuses before creating
   * the branch, and nothing changes.
   */
  async createBranch(name: string, startPoint: string): Promise<void> {
    await this.raw(`Create ${name}`, ['switch', '--no-track', '-c', name, startPoint]);
  }

  async switchBranch(name: string): Promise<void> {
    await this.raw(`Switch to ${name}`, ['switch', '--no-guess', name]);
  }

  /** True when `ref` (a full ref such as `refs/heads/main`) exists. */
  async refExists(ref: string): Promise<boolean> {
    return commitExists(this.git, ref);
  }

  async getBranchConfig(branch: string, key: string): Promise<string | undefined> {
    const value = await this.raw('Read config', ['config', '--get', `branch.${branch}.${key}`]);
    return value.trim() || undefined;
  }

  async setBranchConfig(branch: string, key: string, value: string): Promise<void> {
    await this.raw('Write config', ['config', `branch.${branch}.${key}`, value]);
  }

  commitsInRange(range: string): Promise<RangeCommit[]> {
    return commitsInRange(this.root, range);
  }

  readChange(options: ChangeBaseOptions): Promise<RepositoryChange> {
    const treeMemo = this.options.treeMemo;
    return readChange(this.root, treeMemo ? { ...options, treeMemo } : options);
  }

  templateCandidates(): Promise<string[]> {
    return listTemplateCandidates(this.root);
  }

  trackedFile(file: string): Promise<string> {
    return readTrackedFile(this.root, file);
  }

  push(remote: string, branch: string, signal?: AbortSignal): Promise<PushResult> {
    return pushBranch(this.root, { remote, branch, ...(signal ? { signal } : {}) });
  }

  baseState(remote: string, baseBranch: string, signal?: AbortSignal): Promise<BaseState> {
    return readBaseState(this.root, remote, baseBranch, signal);
  }

  private raw(context: string, args: string[]): Promise<string> {
    return gitCall(context, () => this.git.raw(args));
  }

  async currentBranch(): Promise<string | undefined> {
    // Exit 1 without output when HEAD is detached: simple-git then resolves with ''.
    const name = await this.raw('Read HEAD', ['symbolic-ref', '-q', '--short', 'HEAD']);
    return name.trim() || undefined;
  }

  private async operations(): Promise<RepoOperation[]> {
    const args = OPERATION_MARKERS.flatMap(([marker]) => ['--git-path', marker]);
    const paths = lines(await this.raw('Read repository state', ['rev-parse', ...args]));
    const found = OPERATION_MARKERS.filter((_m, i) => paths[i] !== undefined && existsSync(path.resolve(this.root, paths[i] ?? ''))).map(([, op]) => op);
    return [...new Set(found)];
  }

  private async changes(): Promise<WorkingChanges> {
    const out = await this.raw('Read status', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=none']);
    return parseStatus(out);
  }

  private async refs(): Promise<Pick<RepoSnapshot, 'localBranches' | 'remoteBranches' | 'remoteHeads'>> {
    const out = await this.raw('List branches', ['for-each-ref', '--format=%(refname)%00%(symref)', 'refs/heads', 'refs/remotes']);
    const localBranches: string[] = [];
    const remoteBranches: string[] = [];
    const remoteHeads: Record<string, string> = {};
    for (const line of lines(out)) {
      const [ref = '', symref = ''] = line.split('\0');
      if (ref.startsWith('refs/heads/')) localBranches.push(ref.slice('refs/heads/'.length));
      else if (ref.startsWith('refs/remotes/')) {
        const short = ref.slice('refs/remotes/'.length);
        const slash = short.indexOf('/');
        if (short.endsWith('/HEAD') && symref.startsWith(`refs/remotes/${short.slice(0, slash)}/`)) {
          remoteHeads[short.slice(0, slash)] = symref.slice(`refs/remotes/${short.slice(0, slash)}/`.length);
        } else remoteBranches.push(short);
      }
    }
    return { localBranches, remoteBranches, remoteHeads };
  }
}

/** Parse `git status --porcelain=v1 -z` into staged, unstaged, untracked and conflicted paths. */
export function parseStatus(out: string): WorkingChanges {
  const changes: WorkingChanges = { staged: [], unstaged: [], untracked: [], conflicted: [] };
  const entries = out.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] ?? '';
    if (entry.length < 4) continue;
    const x = entry[0] ?? ' ';
    const y = entry[1] ?? ' ';
    const file = entry.slice(3);
    if (x === 'R' || x === 'C') i++; // The next entry is the rename's source path.
    if (x === '?' && y === '?') changes.untracked.push(file);
    else if (x === '!') continue;
    else if (x === 'U' || y === 'U' || (x === 'A' && y === 'A') || (x === 'D' && y === 'D')) changes.conflicted.push(file);
    else {
      if (x !== ' ') changes.staged.push(file);
      if (y !== ' ') changes.unstaged.push(file);
    }
  }
  return changes;
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}
