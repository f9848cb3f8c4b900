// The sidebar's Sweeps tree: sweep → runs, rebuilt from the store on every change (the node objects kept).
import * as vscode from 'vscode';
import type { StoreService } from '../store/storeService';
import { buildTree, type SweepNode } from './treeModel';
import { updateTree, type TreeNode } from './treeUpdate';

export type { TreeNode } from './treeUpdate';

export class SweepTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private nodes: SweepNode[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: StoreService) {
    this.nodes = buildTree(store.current);
    // Only what changed is refreshed, so a right-click during a running sweep keeps its item (treeUpdate.ts).
    this.subscription = store.onDidChange((data) => {
      const update = updateTree(this.nodes, buildTree(data));
      this.nodes = update.nodes;
      if (update.refresh === 'all') this.emitter.fire(undefined);
      else if (update.refresh.length > 0) this.emitter.fire(update.refresh);
    });
  }

  getChildren(element?: TreeNode): TreeNode[] {
    if (!element) return this.nodes;
    return element.kind === 'sweep' ? element.runs : [];
  }

  getParent(element: TreeNode): TreeNode | undefined {
    if (element.kind === 'sweep') return undefined;
    return this.nodes.find((sweep) => sweep.runs.some((run) => run.id === element.id));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    // Running sweeps and the newest one start expanded; VS Code then remembers what the user toggles (by id).
    const expanded = node.kind === 'sweep' && (node.sweep?.status === 'running' || node === this.nodes[0]);
    const collapsed = node.kind === 'run' ? vscode.TreeItemCollapsibleState.None
      : expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsed);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    // Screen readers (and the end-to-end tests) hear the status, which the icon alone shows.
    const status = node.kind === 'run' ? node.run.status : node.sweep?.status ?? '';
    item.accessibilityInformation = { label: `${node.label}, ${status}, ${node.description}` };
    // A click on a run opens it; a sweep expands on click and opens from its inline button.
    if (node.kind === 'run') item.command = { command: 'aelab.openRun', title: 'Open Run', arguments: [node] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
