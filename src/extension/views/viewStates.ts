/**
 * Which welcome view the Change view shows (the `changeControl.viewState`
 * context key); `change` and `error` show the tree. No vscode import, so
 * the manifest test can check every welcome state is contributed.
 */
export const VIEW_STATES = ['noRepository', 'untrusted', 'signedOut', 'onBase', 'change', 'error'] as const;

export type ViewState = (typeof VIEW_STATES)[number];

/** States whose content is a welcome view rather than the tree. */
export const WELCOME_STATES: readonly ViewState[] = ['noRepository', 'untrusted', 'signedOut', 'onBase'];
