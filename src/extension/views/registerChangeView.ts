/**
 * Wires the Change view: the tree, the status bar item, the refresh
 * triggers (git state changes or a .git/HEAD watch, window focus, the
 * refresh button, polling while visible) and the view's commands. The
 * view follows the active editor's repository; "Select Repository" picks
 * another one.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readinessLine } from '../../core/readiness';
import type { ChangeShortcuts } from '../../git/changes';
import type { CommandRegistry } from '../commands/registerCommands';
import type { CommandContext } from '../commands/runCommand';
import type { GitApi } from '../gitApi';
import type { GitHubSessions } from '../github/githubSessions';
import type { ChangeRepositories } from '../repository/changeRepositories';
import type { RepositoryChangeKind } from '../repository/changeRepository';
import type { RepositoryLocator } from '../repository/repositoryLocator';
import { readSettings } from '../settings';
import { ChangeTreeProvider, type ChangeViewElement } from './changeTreeProvider';
import { readViewContent, type ViewContent } from './changeViewModel';
import { RefreshController } from './refreshController';

export const VIEW_ID = 'changeControl.change';

/** What end-to-end tests (and other features) may read from the view. */
export interface ChangeViewApi {
  provider: vscode.TreeDataProvider<ChangeViewElement>;
  /** Refreshes now (coalesced with one in flight); resolves when the view shows the result. */
  refresh(): Promise<void>;
  /** When the view last finished a refresh (Date.now()), why, and how long it took; for the e2e timings. */
  lastRefresh(): { at: number; reason: string; ms: number } | undefined;
  /** The next poll's delay in milliseconds (the back-off), for tests. */
  pollMs(): number;
  /** The latest content: welcome state, repository and tree model. */
  content(): ViewContent;
}

export interface ChangeViewDeps {
  commands: CommandRegistry;
  sessions: Pick<GitHubSessions, 'onDidChange'>;
  locator: RepositoryLocator;
  repositories: ChangeRepositories;
  /** The built-in git extension's API once known (undefined when git is off). */
  gitApi: Promise<GitApi | undefined>;
  /** Shortcuts for the view's tests check (the Check Tests service's). */
  shortcuts?: (root: string) => ChangeShortcuts;
}

/** The repository changes the view shows: HEAD moved, a ticket recorded, a tests check done. */
const SHOWN_CHANGES: ReadonlySet<RepositoryChangeKind> = new Set(['head', 'ticket', 'testCheck']);

export function registerChangeView(context: vscode.ExtensionContext, ctx: CommandContext, deps: ChangeViewDeps): ChangeViewApi {
  const provider = new ChangeTreeProvider();
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const status = vscode.window.createStatusBarItem('changeControl.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Change Control';
  status.command = `${VIEW_ID}.focus`;
  const { locator, repositories, commands } = deps;
  let root: string | undefined;
  let content: ViewContent = { state: 'noRepository', nodes: [] };
  let last: { at: number; reason: string; ms: number } | undefined;

  const controller = new RefreshController({
    pollSeconds: () => readSettings().pollIntervalSeconds,
    refresh: async (reason) => {
      const started = Date.now();
      root ??= await locator.activeOrFirst();
      // The repository follows its HEAD from now on (repositories.onDidChange below).
      content = await readViewContent(root ? repositories.get(root) : undefined, { logger: ctx.logger, ...(deps.shortcuts ? { shortcuts: deps.shortcuts } : {}) });
      await vscode.commands.executeCommand('setContext', 'changeControl.viewState', content.state);
      const changed = provider.update(content.root ?? '', content.nodes);
      showStatus(status, content);
      last = { at: Date.now(), reason, ms: Date.now() - started };
      ctx.logger.debug(`Change view refreshed (${reason}) in ${last.ms} ms${changed ? '' : ', unchanged'}`);
      return changed;
    },
  });

  const follow = async (next: string | undefined): Promise<void> => {
    if (!next || next === root) return;
    root = next;
    await controller.request('repository changed');
  };

  context.subscriptions.push(
    provider,
    treeView,
    status,
    controller,
    treeView.onDidChangeVisibility((e) => controller.setVisible(e.visible)),
    vscode.window.onDidChangeWindowState((s) => {
      if (s.focused && treeView.visible) void controller.request('window focused');
    }),
    vscode.window.onDidChangeActiveTextEditor(async (editor) => follow(await locator.forUri(editor?.document.uri))),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void controller.request('workspace trusted')),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void controller.request('folders changed')),
    deps.sessions.onDidChange(() => void controller.request('GitHub session changed')),
    repositories.onDidOpen(() => void controller.request('repository opened')),
    repositories.onDidChange(({ repository, kind, reason, waitUntil }) => {
      if (kind === 'action') {
        // The user acted on this repository: show it, current, and poll from the base interval again.
        if (repository.root !== root) root = repository.root;
        const done = controller.actionDone(reason ?? 'command');
        waitUntil?.(done);
        return;
      }
      if (repository.root === root && SHOWN_CHANGES.has(kind)) void controller.request(`repository: ${kind}`);
    }),
  );
  commands.register('changeControl.refresh', () => controller.request('refresh button'));
  commands.register('changeControl.selectRepository', async () => {
    const roots = await locator.list();
    const picked = await vscode.window.showQuickPick(
      roots.map((r) => ({ label: path.basename(r), description: r, picked: r === root, root: r })),
      { title: 'Change Control: Select Repository', placeHolder: 'Which repository should the Change view show?' },
    );
    if (picked) await follow(picked.root);
  });
  commands.register('changeControl.openInBrowser', async (arg) => {
    const url = (arg as ChangeViewElement | undefined)?.node?.url;
    if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
  });
  commands.register('changeControl.createItemTest', async (arg) => runNodeAction(arg, 'changeControl.createTestFile'));
  commands.register('changeControl.openItemTest', async (arg) => runNodeAction(arg, 'changeControl.openTest'));
  // The title button and the welcome view: start the change in the repository the view shows.
  commands.register('changeControl.startChangeInView', async () => vscode.commands.executeCommand('changeControl.startChange', root ? { root } : undefined));

  // Once the git extension's repositories are known (the repositories follow HEAD through them), the first refresh.
  void deps.gitApi.then(() => {
    if (treeView.visible) controller.setVisible(true);
    else void controller.request('activation');
  });

  return { provider, refresh: () => controller.request('api'), content: () => content, lastRefresh: () => last, pollMs: () => controller.currentPollMs() };
}

async function runNodeAction(arg: unknown, command: string): Promise<void> {
  const action = (arg as ChangeViewElement | undefined)?.node?.action;
  if (action?.kind === 'command' && action.command === command) await vscode.commands.executeCommand(command, ...(action.args ?? []));
}

function showStatus(item: vscode.StatusBarItem, content: ViewContent): void {
  const r = content.readiness;
  if (content.state !== 'change' || !r || !content.snapshot) {
    item.hide();
    return;
  }
  const ticket = content.snapshot.ticket.id ?? 'No ticket';
  item.text = r.ready ? `$(pass-filled) ${ticket} Ready` : `$(circle-slash) ${ticket} ${r.blockers.length} blocking`;
  item.tooltip = new vscode.MarkdownString(`**${ticket}**: ${readinessLine(r)}\n\nClick to open the Change view.`);
  item.backgroundColor = undefined;
  item.show();
}
