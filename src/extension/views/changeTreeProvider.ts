/**
 * Renders the pure tree model (src/core/changeTree.ts) as native tree
 * items. Holds no logic beyond the mapping to TreeItem.
 */
import * as vscode from 'vscode';
import { STATUS_COLORS, type ChangeTreeNode } from '../../core/changeTree';

/** One element of the view: a model node and the repository it belongs to. */
export interface ChangeViewElement {
  node: ChangeTreeNode;
  /** Repository root: commands given the element read it (`linkTicket` takes `{ root }`). */
  root: string;
}

export class ChangeTreeProvider implements vscode.TreeDataProvider<ChangeViewElement>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private nodes: ChangeTreeNode[] = [];
  private root = '';

  /** The model currently shown (empty while a welcome view applies). */
  get current(): readonly ChangeTreeNode[] {
    return this.nodes;
  }

  /** Replaces the content; returns true when it differs from what was shown. */
  update(root: string, nodes: ChangeTreeNode[]): boolean {
    const changed = root !== this.root || JSON.stringify(nodes) !== JSON.stringify(this.nodes);
    this.root = root;
    this.nodes = nodes;
    if (changed) this.emitter.fire();
    return changed;
  }

  getChildren(element?: ChangeViewElement): ChangeViewElement[] {
    const nodes = element ? (element.node.children ?? []) : this.nodes;
    return nodes.map((node) => ({ node, root: this.root }));
  }

  getTreeItem(element: ChangeViewElement): vscode.TreeItem {
    const n = element.node;
    const collapsible = !n.children?.length
      ? vscode.TreeItemCollapsibleState.None
      : n.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(n.label, collapsible);
    item.id = `${this.root}::${n.id}`;
    item.description = n.description;
    if (n.tooltip) item.tooltip = new vscode.MarkdownString(n.tooltip);
    const color = STATUS_COLORS[n.status];
    item.iconPath = new vscode.ThemeIcon(n.icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = n.contextValue;
    if (n.action?.kind === 'openUrl') {
      item.command = { title: 'Open in Browser', command: 'vscode.open', arguments: [vscode.Uri.parse(n.action.url)] };
    } else if (n.action?.kind === 'command') {
      item.command = { title: n.label, command: n.action.command, arguments: n.action.args ?? [] };
    }
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
