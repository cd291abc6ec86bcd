/**
 * What the Change view shows for one repository: reads the snapshot (git,
 * then GitHub through the signed-in session), builds the pure tree and
 * decides which welcome view applies. Failures become an error item in the
 * tree, never a pop-up (the refresh runs in the background).
 */
import * as vscode from 'vscode';
import type { ChangeSnapshot } from '../../core/changeSnapshot';
import { buildChangeTree, type ChangeTreeNode } from '../../core/changeTree';
import { describeError, isChangeControlError } from '../../core/errors';
import type { Logger } from '../../core/ports';
import { assessReadiness, type Readiness } from '../../core/readiness';
import type { ChangeShortcuts } from '../../git/changes';
import { currentBranch } from '../../git/commits';
import { readChangeSnapshot, type ReadChangeSnapshotOptions } from '../../app/changeStatus';
import type { RequestLog } from '../../github/requestLog';
import type { ChangeRepository } from '../repository/changeRepository';
import { readSettings } from '../settings';
import type { ViewState } from './viewStates';

export interface ViewContent {
  state: ViewState;
  root?: string;
  nodes: ChangeTreeNode[];
  snapshot?: ChangeSnapshot;
  readiness?: Readiness;
  /** GitHub requests of the last refresh and how many were answered 304 (free). */
  requests?: { sent: number; notModified: number };
}

export interface ChangeViewModelDeps {
  logger: Logger;
  /** Shortcuts for the tests check (the Check Tests service's). */
  shortcuts?: (root: string) => ChangeShortcuts;
}

export async function readViewContent(repository: ChangeRepository | undefined, deps: ChangeViewModelDeps): Promise<ViewContent> {
  if (!repository) return { state: 'noRepository', nodes: [] };
  const { root } = repository;
  if (!vscode.workspace.isTrusted) return { state: 'untrusted', root, nodes: [] };
  try {
    const settings = readSettings();
    // The base branch's policy governs the change; the checkout's and the settings may only tighten it.
    const { policy, source: policySource } = await repository.loadChangePolicy();
    const branch = await currentBranch(root);
    if (branch === policy.branch.base) return { state: 'onBase', root, nodes: [] };
    const connection = await connect(repository);
    if (connection === 'signedOut') return { state: 'signedOut', root, nodes: [] };
    const before = connection.requestLog?.snapshot();
    const shortcuts = deps.shortcuts?.(root);
    // GitHub's own rules beside the policy: a warning section, never part of the verdict.
    const enforcement = connection.webUrl ? { enforcement: { memo: repository.enforcementMemo, webUrl: connection.webUrl } } : {};
    const snapshot = await readChangeSnapshot(root, { policy, policySource, remote: settings.githubRemote, github: connection.github, ...(shortcuts ? { shortcuts } : {}), ...enforcement });
    const after = connection.requestLog?.snapshot();
    const requests = before && after ? { sent: after.requests - before.requests, notModified: after.notModified - before.notModified } : undefined;
    if (requests) deps.logger.debug(`Change view: ${requests.sent} GitHub requests, ${requests.notModified} answered 304 Not Modified`);
    const readiness = assessReadiness(snapshot);
    return { state: 'change', root, nodes: buildChangeTree(snapshot, readiness), snapshot, readiness, ...(requests ? { requests } : {}) };
  } catch (err) {
    deps.logger.warn(`Change view: reading ${root} failed:`, err);
    return { state: 'error', root, nodes: [errorNode(describeError(err))] };
  }
}

async function connect(repository: ChangeRepository): Promise<{ github: ReadChangeSnapshotOptions['github']; requestLog?: RequestLog; webUrl?: string } | 'signedOut'> {
  try {
    const connection = await repository.github(false);
    return { github: { octokit: connection.octokit, repo: connection.repo }, requestLog: connection.requestLog, webUrl: connection.webUrl };
  } catch (err) {
    if (isChangeControlError(err, 'github.unauthorized')) return 'signedOut';
    // No GitHub remote and the like: show the local sections and say why.
    return { github: { status: 'skipped', reason: describeError(err) } };
  }
}

export function errorNode(message: string): ChangeTreeNode {
  return {
    id: 'error',
    label: 'Could not read the change',
    description: message,
    tooltip: `${message}\n\nSee “Change Control: Show Log” for details. Refresh to try again.`,
    icon: 'error',
    status: 'error',
    contextValue: 'error',
    action: { kind: 'command', command: 'changeControl.refresh' },
  };
}
