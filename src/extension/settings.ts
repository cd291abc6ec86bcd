/**
 * The only caller of getConfiguration(). Read once per change event, never
 * inside a keystroke handler.
 */
import * as vscode from 'vscode';
import type { PolicyOverrides } from '../core/policy/effectivePolicy';
import { DEFAULT_TIMEOUT_SECONDS, parseTimeoutSeconds } from '../github/deadline';
import { editorHostConfig } from '../github/githubTarget';
import { gitInputValidation, type GitInputValidation } from './diagnostics/gitInputValidation';

export interface Settings {
  lintEnabled: boolean;
  overrides: PolicyOverrides;
  githubRemote: string;
  /** Machine-scoped setting or CHANGE_CONTROL_GITHUB_API_URL; '' = none (github.com remotes only). */
  githubApiUrl: string;
  /** Where githubApiUrl came from, for messages. */
  githubApiUrlSource: string;
  /** The overall bound of one GitHub command or refresh, in seconds. */
  githubTimeoutSeconds: number;
  pollIntervalSeconds: number;
  /** The `github-enterprise.uri` setting of the built-in GitHub authentication, at user level only. */
  enterpriseUri: string;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('changeControl');
  const num = (key: string): number | undefined => {
    const v = c.get<number | null>(key);
    return typeof v === 'number' ? v : undefined;
  };
  // Only user/machine values count: a workspace (.vscode/settings.json) must not redirect the token.
  const hosts = editorHostConfig({
    apiUrl: c.inspect<unknown>('github.apiUrl') ?? {},
    enterpriseUri: vscode.workspace.getConfiguration('github-enterprise').inspect<unknown>('uri') ?? {},
    ...(process.env.CHANGE_CONTROL_GITHUB_API_URL ? { envApiUrl: process.env.CHANGE_CONTROL_GITHUB_API_URL } : {}),
  });
  const timeout = c.inspect<number>('github.timeoutSeconds')?.globalValue;
  return {
    lintEnabled: c.get<boolean>('lint.enabled', true),
    overrides: {
      subjectMaxLength: num('commit.subjectMaxLength'),
      bodyMaxLineLength: num('commit.bodyMaxLineLength'),
      requireTicket: c.get<boolean>('commit.requireTicket', false) || undefined,
    },
    githubRemote: c.get<string>('github.remote', 'origin') || 'origin',
    githubApiUrl: hosts.apiUrl,
    githubApiUrlSource: hosts.apiUrlSource ?? 'CHANGE_CONTROL_GITHUB_API_URL',
    githubTimeoutSeconds: parseTimeoutSeconds(timeout) ?? DEFAULT_TIMEOUT_SECONDS,
    pollIntervalSeconds: c.get<number>('sidebar.pollIntervalSeconds', 60),
    enterpriseUri: hosts.enterpriseUri ?? '',
  };
}

/** Fires `listener` when any Change Control (or GitHub Enterprise) setting changes. */
export function onDidChangeSettings(listener: (s: Settings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('changeControl') || e.affectsConfiguration('github-enterprise.uri')) listener(readSettings());
  });
}

/** VS Code's own git input-box validation (`git.inputValidation*`), read now. */
export function readGitInputValidation(): GitInputValidation {
  const g = vscode.workspace.getConfiguration('git');
  return gitInputValidation({ inputValidation: g.get('inputValidation'), subjectLength: g.get('inputValidationSubjectLength'), lineLength: g.get('inputValidationLength') });
}

/** Fires with the new values when a `git.inputValidation*` setting changes. */
export function onDidChangeGitInputValidation(listener: (v: GitInputValidation) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('git.inputValidation') || e.affectsConfiguration('git.inputValidationSubjectLength') || e.affectsConfiguration('git.inputValidationLength')) {
      listener(readGitInputValidation());
    }
  });
}
