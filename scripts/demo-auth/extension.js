// npm start only: answers VS Code's `github` sign-in with an account of the local GitHub stand-in
// (the fake server accepts any token), so Change Control's real sign-in path works offline.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS extension, no build step
const vscode = require('vscode');

exports.activate = (context) => {
  const changed = new vscode.EventEmitter();
  const session = { id: 'demo', accessToken: 'demo-token-for-the-local-stand-in', account: { id: 'dana-dev', label: 'dana-dev (local stand-in)' }, scopes: ['repo'] };
  context.subscriptions.push(changed, vscode.authentication.registerAuthenticationProvider('github', 'GitHub (local stand-in)', {
    onDidChangeSessions: changed.event,
    getSessions: async () => [session],
    createSession: async () => session,
    removeSession: async () => undefined,
  }));
};
