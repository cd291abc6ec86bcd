/**
 * Helpers shared by the e2e suites. They run inside the extension host, so
 * they use the real `vscode` API; the runner (scripts/e2e.mjs) prepares the
 * workspace (a git repository with a bare remote) and the fake GitHub, and
 * hands their locations over in environment variables.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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
export async function screenshot(name: string, settleMs = 600): Promise<string> {
  const url = process.env.CC_E2E_CONTROL_URL;
  assert.ok(url, 'CC_E2E_CONTROL_URL is set by scripts/run-vscode-tests.mjs');
  const res = await fetch(`${url}/screenshot?name=${encodeURIComponent(name)}&settleMs=${settleMs}`, { method: 'POST' });
  assert.equal(res.status, 200, await res.text());
  return ((await res.json()) as { file: string }).file;
}

/** Presses real keys in the browser page (e.g. 'Control+.' to open the quick fix menu). */
export async function pressKeys(...keys: string[]): Promise<void> {
  const url = process.env.CC_E2E_CONTROL_URL;
  assert.ok(url, 'CC_E2E_CONTROL_URL is set by scripts/run-vscode-tests.mjs');
  const res = await fetch(`${url}/keys?press=${encodeURIComponent(keys.join(','))}`, { method: 'POST' });
  assert.equal(res.status, 200);
}

/** The fake GitHub's base URL, started by the runner (test/github-fake). */
export function fakeGitHubUrl(): string {
  const url = process.env.CHANGE_CONTROL_GITHUB_API_URL;
  assert.ok(url, 'the runner starts the fake GitHub and sets CHANGE_CONTROL_GITHUB_API_URL');
  return url;
}
