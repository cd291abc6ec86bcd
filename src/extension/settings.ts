/**
 * The only caller of getConfiguration(). Read once per change event, never
 * inside a keystroke handler.
 */
import * as vscode from 'vscode';
import type { PolicyOverrides } from '../core/policy/effectivePolicy';

export interface Settings {
  lintEnabled: boolean;
  overrides: PolicyOverrides;
  githubRemote: string;
  /** Machine-scoped setting or CHANGE_CONTROL_GITHUB_API_URL; '' = derive from the remote. */
  githubApiUrl: string;
  pollIntervalSeconds: number;
  /** The `github-enterprise.uri` setting of the built-in GitHub authentication. */
  enterpriseUri: string;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('changeControl');
  const num = (key: string): number | undefined => {
    const v = c.get<number | null>(key);
    return typeof v === 'number' ? v : undefined;
  };
  const apiSetting = c.inspect<string>('github.apiUrl');
  // Only user/machine values count: a workspace must not redirect the token.
  const apiUrl = apiSetting?.globalValue || process.env.CHANGE_CONTROL_GITHUB_API_URL || '';
  return {
    lintEnabled: c.get<boolean>('lint.enabled', true),
    overrides: {
      subjectMaxLength: num('commit.subjectMaxLength'),
      bodyMaxLineLength: num('commit.bodyMaxLineLength'),
      requireTicket: c.get<boolean>('commit.requireTicket', false) || undefined,
    },
    githubRemote: c.get<string>('github.remote', 'origin') || 'origin',
    githubApiUrl: apiUrl,
    pollIntervalSeconds: c.get<number>('sidebar.pollIntervalSeconds', 60),
    enterpriseUri: vscode.workspace.getConfiguration('github-enterprise').get<string>('uri', '') ?? '',
  };
}

/** Fires `listener` when any Change Control (or GitHub Enterprise) setting changes. */
export function onDidChangeSettings(listener: (s: Settings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('changeControl') || e.affectsConfiguration('github-enterprise.uri')) listener(readSettings());
  });
}
