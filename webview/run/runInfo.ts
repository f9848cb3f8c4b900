// The run panel's header (name, status, backend, epoch) and details (summary metrics, parameters, configuration).
import type { MetricLine, RunRecord } from '../../src/shared/storeSchema';
import { el } from '../common/dom';
import { testValues } from './runSeries';

const fmt = (v: unknown) => (typeof v === 'number' ? (Math.abs(v) < 0.001 && v !== 0 ? v.toExponential(3) : String(Number(v.toPrecision(5)))) : String(v));

export function renderHeader(header: HTMLElement, run: RunRecord, onStop: () => void): void {
  const epochs = run.config?.train?.epochs;
  const children: (Node | string)[] = [
    el('h2', { text: run.name }),
    el('vscode-badge', { class: `status status-${run.status}`, text: run.status }),
    el('span', { class: 'muted', text: ` epoch ${run.epoch}${epochs ? `/${epochs}` : ''} · backend ${run.backend ?? '–'}${run.adapter ? ` (${run.adapter.description || run.adapter.vendor})` : ''} · ${run.id}` }),
  ];
  if (run.status === 'running' || run.status === 'queued') {
    const stop = el('vscode-button', { secondary: '', text: 'Stop' });
    stop.addEventListener('click', onStop);
    children.push(stop);
  }
  header.replaceChildren(...children);
}

function table(title: string, rows: [string, unknown][]): HTMLElement {
  return el('div', {}, el('h3', { text: title }),
    el('table', { class: 'kv' }, ...rows.map(([k, v]) => el('tr', {}, el('th', { text: k }), el('td', { text: fmt(v) })))));
}

export function renderDetails(box: HTMLElement, run: RunRecord, lines: MetricLine[]): void {
  const summary = { ...run.summary, ...testValues(lines) };
  box.replaceChildren(
    table('Summary', Object.entries(summary).sort(([a], [b]) => a.localeCompare(b))),
    table('Sweep parameters', Object.entries(run.params ?? {})),
    el('div', {}, el('h3', { text: 'Configuration' }), el('pre', { class: 'config', text: JSON.stringify(run.config, null, 2) })),
  );
}
