// The sweep's runs as a sortable table: click a header to sort (again to reverse), a row's name to open the
// run, tick rows to compare them.
import type { RunRecord } from '../../src/shared/storeSchema';
import { el } from '../common/dom';

export interface TableState { sortKey: string; descending: boolean; selected: Set<string> }

const fmt = (v: unknown) => (v === undefined ? '–' : typeof v === 'number' ? String(Number(v.toPrecision(4))) : typeof v === 'string' ? v : JSON.stringify(v));

export function cellValue(run: RunRecord, key: string, metric: string): unknown {
  if (key === 'name') return run.name;
  if (key === 'status') return run.status;
  if (key === 'epoch') return run.epoch;
  if (key === metric) return run.summary?.[metric];
  return run.params?.[key];
}

/** Numbers numerically, the rest as text; missing values last whatever the direction. */
export function sortRuns(runs: RunRecord[], key: string, descending: boolean, metric: string): RunRecord[] {
  return [...runs].sort((a, b) => {
    const x = cellValue(a, key, metric);
    const y = cellValue(b, key, metric);
    if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : 1) : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : fmt(x).localeCompare(fmt(y));
    return descending ? -order : order;
  });
}

export function renderRunsTable(box: HTMLElement, runs: RunRecord[], metric: string, state: TableState, actions: { open: (id: string) => void; redraw: () => void }): void {
  const params = [...new Set(runs.flatMap((r) => Object.keys(r.params ?? {})))].sort();
  const keys = ['name', 'status', 'epoch', metric, ...params];
  const head = el('tr', {}, el('th', { text: '' }), ...keys.map((key) => {
    const th = el('th', { class: 'sortable', text: `${key}${state.sortKey === key ? (state.descending ? ' ▼' : ' ▲') : ''}` });
    th.addEventListener('click', () => {
      state.descending = state.sortKey === key ? !state.descending : false;
      state.sortKey = key;
      actions.redraw();
    });
    return th;
  }));
  const rows = sortRuns(runs, state.sortKey, state.descending, metric).map((run) => {
    const box = el('input', { type: 'checkbox', 'aria-label': `select ${run.name}` });
    box.checked = state.selected.has(run.id);
    box.addEventListener('change', () => {
      if (box.checked) state.selected.add(run.id);
      else state.selected.delete(run.id);
      actions.redraw();
    });
    const name = el('a', { href: '#', text: run.name });
    name.addEventListener('click', (e) => { e.preventDefault(); actions.open(run.id); });
    return el('tr', { 'data-run': run.id }, el('td', {}, box), el('td', {}, name),
      ...keys.slice(1).map((key) => el('td', { class: key === 'status' ? `status-${run.status}` : '', text: fmt(cellValue(run, key, metric)) })));
  });
  box.replaceChildren(el('table', { class: 'runs' }, el('thead', {}, head), el('tbody', {}, ...rows)));
}
