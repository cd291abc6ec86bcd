/**
 * Helpers shared by the e2e suites. They run inside the extension host, so
 * they use the real `vscode` API; the runner (scripts/e2e.mjs) prepares the
 * workspace (a git repository with a bare remote) and the fake GitHub, and
 * hands their locations over in environment variables.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'change-control.change-control';

/** The exports of activate(); fields beyond activationMs belong to the features. */
export interface ApiShape {
  activationMs: number;
  [key: string]: unknown;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a workspace folder');
  return folder.uri.fsPath;
}

/** Runs git with an argument array in the workspace (test-side setup and checks). */
export function git(args: string[], cwd = workspaceRoot()): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export async function activateExtension(): Promise<{ ext: vscode.Extension<ApiShape>; api: ApiShape }> {
  const ext = vscode.extensions.getExtension<ApiShape>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed in the extension host`);
  const api = await ext.activate();
  return { ext, api };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(100);
  }
}

/** Asks the runner to save a screenshot of the workbench (only in `npm run screenshots`). */
export async function screenshot(name: string, settleMs = 600, clip?: [number, number, number, number]): Promise<string> {
  const url = process.env.CC_E2E_CONTROL_URL;
  assert.ok(url, 'CC_E2E_CONTROL_URL is set by scripts/run-vscode-tests.mjs');
  const res = await fetch(`${url}/screenshot?name=${encodeURIComponent(name)}&settleMs=${settleMs}${clip ? `&clip=${clip.join(',')}` : ''}`, { method: 'POST' });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return (JSON.parse(text) as { file: string }).file;
}

/** Presses real keys in the browser page (e.g. 'Control+.' to open the quick fix menu). */
export async function pressKeys(...keys: string[]): Promise<void> {
  const url = process.env.CC_E2E_CONTROL_URL;
  assert.ok(url, 'CC_E2E_CONTROL_URL is set by scripts/run-vscode-tests.mjs');
  const res = await fetch(`${url}/keys?press=${encodeURIComponent(keys.join(','))}`, { method: 'POST' });
  assert.equal(res.status, 200);
}

/** The minimal slice of the built-in git extension's API the suites use. */
export interface GitRepositoryLike {
  rootUri: vscode.Uri;
  inputBox: { value: string };
  state: { HEAD?: { name?: string } };
}

/** The built-in git extension's repository for the workspace (it opens the repository itself). */
export async function gitRepository(): Promise<GitRepositoryLike> {
  const gitExt = vscode.extensions.getExtension<{ getAPI(v: 1): { repositories: GitRepositoryLike[] } }>('vscode.git');
  assert.ok(gitExt, 'the built-in git extension is present');
  const api = (await gitExt.activate()).getAPI(1);
  const root = workspaceRoot();
  return waitFor('the git extension to open the workspace repository', () => api.repositories.find((r) => r.rootUri.fsPath === root));
}

/** Diagnostics from Change Control on documents matching `pick`. */
export function ourDiagnostics(pick: (uri: vscode.Uri) => boolean): { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }[] {
  return vscode.languages.getDiagnostics()
    .filter(([uri]) => pick(uri))
    .map(([uri, ds]) => ({ uri, diagnostics: ds.filter((d) => d.source === 'Change Control') }))
    .filter((e) => e.diagnostics.length > 0);
}

export function ruleId(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

/** Quick fixes Change Control offers at `range`. */
export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  return actions.filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined);
}

/**
 * Replaces window.showErrorMessage for the duration of a test and records
 * the messages. The suites share the extension's `vscode` API object (they
 * live inside its folder), so this sees what runCommand's error boundary
 * shows, and a failing command cannot wait forever on an unanswered pop-up.
 */
export function recordErrorMessages(): { messages: string[]; restore(): void } {
  const messages: string[] = [];
  const win = vscode.window as { showErrorMessage: (...a: unknown[]) => Thenable<unknown> };
  const original = win.showErrorMessage;
  win.showErrorMessage = (message: unknown) => {
    messages.push(String(message));
    return Promise.resolve(undefined);
  };
  return { messages, restore: () => { win.showErrorMessage = original; } };
}

type WindowStubs = Partial<Record<'showQuickPick' | 'showInputBox' | 'showInformationMessage' | 'showWarningMessage', (...args: never[]) => unknown>>;

/**
 * Answers the extension's dialogs for one test by replacing them on the
 * shared vscode.window object (see recordErrorMessages); restore() puts
 * the real ones back.
 */
export function stubWindow(stubs: WindowStubs): { restore(): void } {
  const win = vscode.window as unknown as Record<string, unknown>;
  const originals = Object.fromEntries(Object.keys(stubs).map((k) => [k, win[k]]));
  for (const [k, fn] of Object.entries(stubs)) win[k] = (...args: never[]) => Promise.resolve(fn(...args));
  return { restore: () => { for (const [k, fn] of Object.entries(originals)) win[k] = fn; } };
}

/** GET/POST on the fake GitHub's control server (scripts/lib/fakeGitHub.mjs). */
export async function fakeGitHub<T>(pathname: string, body?: unknown): Promise<T> {
  const base = process.env.CC_E2E_FAKE_GITHUB_CONTROL;
  assert.ok(base, 'the runner starts the fake GitHub with a control server');
  const res = await fetch(`${base}${pathname}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as T;
}

/**
 * A `github` authentication provider for the offline extension host: the
 * extension's real vscode.authentication.getSession path gets a session
 * whose token the fake GitHub accepts. Nothing reaches github.com.
 */
export function registerFakeGitHubAuth(token = 'e2e-token-not-a-secret'): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  const session: vscode.AuthenticationSession = { id: 'e2e', accessToken: token, account: { id: 'octocat', label: 'octocat' }, scopes: ['repo'] };
  const registration = vscode.authentication.registerAuthenticationProvider('github', 'GitHub (e2e stand-in)', {
    onDidChangeSessions: changed.event,
    getSessions: async () => [session],
    createSession: async () => session,
    removeSession: async () => undefined,
  }, { supportsMultipleAccounts: false });
  changed.fire({ added: [session], removed: [], changed: [] });
  return vscode.Disposable.from(registration, changed);
}

/**
 * Signs in through the real command. The stand-in `github` provider is
 * registered once by the test entry (index.ts) before any suite runs: the
 * first registration wins, and a later one would clash with the built-in
 * GitHub authentication once something has activated it.
 */
export async function signInToFake(): Promise<void> {
  const info = stubWindow({ showInformationMessage: () => undefined });
  try {
    await vscode.commands.executeCommand('changeControl.signIn');
  } finally {
    info.restore();
  }
}

/**
 * How the suites answer Start Change's questions: they start several
 * changes per ticket (a new branch on purpose, never silently) and go on
 * with the unapproved #3 on purpose (a deliberate click, not the default).
 */
export function answerStartWarnings(message: string, _options: unknown, ...items: vscode.MessageItem[]): vscode.MessageItem | undefined {
  if (message.includes('already has work in progress')) return items.find((i) => i.title === 'Start a New Branch');
  if (message.includes('is not approved yet')) return items.find((i) => i.title === 'Continue Anyway');
  return undefined;
}

/** Runs Start Change from main for `ticket`, answering its dialogs; returns the branch. */
export async function startChangeFor(ticket: string, description: string): Promise<string> {
  git(['switch', '-q', 'main']);
  const stubs = stubWindow({
    showQuickPick: (items: readonly (vscode.QuickPickItem & { changeKind?: string })[]) => items.find((i) => i.changeKind === 'feature'),
    showInputBox: () => description,
    showInformationMessage: () => undefined,
    showWarningMessage: answerStartWarnings,
  });
  try {
    await vscode.commands.executeCommand('changeControl.startChange', { root: workspaceRoot(), ticket });
  } finally {
    stubs.restore();
  }
  return git(['branch', '--show-current']);
}

/** Writes files (relative path → text) and commits them with `message`. */
export function commitFiles(files: Record<string, string>, message: string): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(workspaceRoot(), rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  git(['add', '-A']);
  git(['commit', '-q', '-m', message]);
}

/**
 * Runs Open Pull Request, continuing through the pre-flight; returns what the
 * user was told, and `picks`, the labels the pre-flight offered.
 */
export async function openPullRequestVia(root = workspaceRoot(), picks: string[] = []): Promise<string[]> {
  const shown: string[] = [];
  const stubs = stubWindow({
    showQuickPick: (items: readonly (vscode.QuickPickItem & { action?: string })[]) => {
      picks.push(...items.map((i) => i.label));
      return items.find((i) => i.action === 'create') ?? items.find((i) => i.action === 'cancel');
    },
    showInformationMessage: (m: string) => {
      shown.push(m);
      return m.startsWith('Edit the description') ? 'Create Pull Request' : undefined;
    },
    showWarningMessage: (m: string) => shown.push(m),
    showInputBox: () => '',
  });
  try {
    await vscode.commands.executeCommand('changeControl.openPullRequest', root);
  } finally {
    stubs.restore();
  }
  return shown;
}

/** Opens the pull request of `branch` through the real command and approves it on the fake GitHub; returns its number. */
export async function openAndApprovePullRequest(branch: string): Promise<number> {
  await openPullRequestVia();
  const repo = await fakeGitHub<{ pulls: { number: number; head: { ref: string } }[] }>('/repo');
  const pr = repo.pulls.find((p) => p.head.ref === branch);
  assert.ok(pr, `a pull request for ${branch} among ${repo.pulls.map((p) => p.head.ref).join(', ')}`);
  await fakeGitHub('/call', { op: 'addReview', args: ['acme/clinic-app', pr.number, { user: 'riley-reviewer', state: 'APPROVED', body: 'Looks good.' }] });
  return pr.number;
}

export interface TreeLine { depth: number; label: string; description: string }

/** Every item of the Change view, depth first, read through the exposed TreeDataProvider. */
export async function treeLines(api: ApiShape): Promise<TreeLine[]> {
  const view = api.changeView as { provider: vscode.TreeDataProvider<unknown>; refresh(): Promise<void> };
  assert.ok(view?.provider, 'activate() exposes changeView.provider');
  await view.refresh();
  const out: TreeLine[] = [];
  const walk = async (element: unknown, depth: number): Promise<void> => {
    for (const child of (await view.provider.getChildren(element as never)) ?? []) {
      const item = await view.provider.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      out.push({ depth, label, description: typeof item.description === 'string' ? item.description : '' });
      await walk(child, depth + 1);
    }
  };
  await walk(undefined, 0);
  return out;
}

export function renderTree(lines: TreeLine[]): string {
  return lines.map((l) => `${'  '.repeat(l.depth)}${l.label}${l.description ? ` — ${l.description}` : ''}`).join('\n');
}
