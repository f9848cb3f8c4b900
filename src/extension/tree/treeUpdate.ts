// Keeps the sidebar's node objects across store changes, so that a refresh names only what changed.
// VS Code maps each tree item to its element object. A whole-tree refresh drops every mapping until the
// view asks for the children again, and a context-menu command chosen in that gap gets no item (it then
// asks which run or sweep). Updating the nodes in place and refreshing only those that changed keeps the
// others mapped. Pure (no vscode import), so it is unit-tested directly.
import type { RunNode, SweepNode } from './treeModel';

export type TreeNode = SweepNode | RunNode;

export interface TreeUpdate {
  /** The tree to show: the previous node objects where the ids line up, updated in place. */
  nodes: SweepNode[];
  /** 'all' when the list of sweeps changed; else the nodes whose item or children changed (maybe none). */
  refresh: 'all' | TreeNode[];
}

const sameIds = (a: Array<{ id: string }>, b: Array<{ id: string }>) => a.length === b.length && a.every((x, i) => x.id === b[i].id);

/** What the node's TreeItem shows (its record can change without changing the item). */
const shown = (node: TreeNode) => [node.label, node.description, node.tooltip, node.icon, node.contextValue].join('\u0000');

export function updateTree(previous: SweepNode[], next: SweepNode[]): TreeUpdate {
  if (!sameIds(previous, next)) return { nodes: next, refresh: 'all' };
  const refresh: TreeNode[] = [];
  next.forEach((fresh, i) => {
    const sweep = previous[i];
    const children = sameIds(sweep.runs, fresh.runs);
    // Refreshing a sweep re-reads its runs too, so its runs are not listed on their own.
    const runsChanged = children ? sweep.runs.filter((run, k) => shown(run) !== shown(fresh.runs[k])) : [];
    if (!children || shown(sweep) !== shown(fresh)) refresh.push(sweep);
    else refresh.push(...runsChanged);
    const runs = children ? sweep.runs.map((run, k) => Object.assign(run, fresh.runs[k])) : fresh.runs;
    Object.assign(sweep, { ...fresh, runs });
  });
  return { nodes: previous, refresh };
}
