/** The node model of the Change view, shared by its builders. Pure. */

/** Drives the icon colour and the mark in the text rendering. */
export type NodeStatus = 'ok' | 'error' | 'warning' | 'pending' | 'info';

/** What clicking a node does; the extension maps it to a VS Code command. */
export type NodeAction =
  | { kind: 'openUrl'; url: string }
  | { kind: 'command'; command: string; args?: unknown[] };

export interface ChangeTreeNode {
  /** Stable across refreshes, so the tree keeps its expansion state. */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  /** Codicon id without `$()`. */
  icon: string;
  status: NodeStatus;
  /** For `view/item/context` menus: space-separated flags (`hasUrl`, `test.missing`). */
  contextValue?: string;
  /** Web page of the item, for "Open in Browser". */
  url?: string;
  action?: NodeAction;
  children?: ChangeTreeNode[];
  /** Initially expanded (only meaningful with children). */
  expanded?: boolean;
}

/** Theme colour id per status (`ThemeColor` in the extension). */
export const STATUS_COLORS: Record<NodeStatus, string | undefined> = {
  ok: 'testing.iconPassed',
  error: 'testing.iconFailed',
  warning: 'problemsWarningIcon.foreground',
  pending: 'testing.iconQueued',
  info: undefined,
};


export function escapeMd(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!<>|])/g, '\\$1');
}

