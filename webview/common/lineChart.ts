// A uPlot line chart that can be fed new data cheaply (live runs) and switched between linear and log scale.
import uPlot from 'uplot';
import { cssVar, el } from './dom';

export interface SeriesSpec { label: string; color: string; width?: number; dash?: number[]; points?: boolean }

export interface LineChart {
  element: HTMLElement;
  /** data[0] is x; one array per series after it (null = gap). */
  setData(data: (number | null)[][]): void;
  setLogScale(log: boolean): void;
}

/** Tick labels with enough decimals to tell neighbouring ticks apart (24.1225 vs 24.125), trailing zeros dropped. */
export function formatTicks(splits: number[]): string[] {
  const step = splits.length > 1 ? Math.abs(splits[1] - splits[0]) : 0;
  const largest = Math.max(...splits.map(Math.abs));
  if (largest !== 0 && (largest < 1e-3 || largest >= 1e6)) return splits.map((v) => (v === 0 ? '0' : v.toExponential(2)));
  const decimals = step > 0 ? Math.min(Math.max(Math.ceil(-Math.log10(step)) + 1, 0), 10) : 4;
  return splits.map((v) => String(Number(v.toFixed(decimals))));
}

export function createLineChart(title: string, xLabel: string, series: SeriesSpec[], options: { timeX?: boolean; log?: boolean } = {}): LineChart {
  const element = el('div', { class: 'chart' });
  const fg = cssVar('--vscode-foreground', '#ccc');
  const grid = cssVar('--vscode-editorWidget-border', '#4446');
  const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
  let data: (number | null)[][] = [[], ...series.map(() => [])];
  let log = options.log ?? false;
  let plot: uPlot | undefined;
  const build = () => {
    plot?.destroy();
    const opts: uPlot.Options = {
      title, width: Math.max(element.clientWidth, 320), height: 220,
      scales: { x: { time: options.timeX ?? false }, y: { distr: log ? 3 : 1 } },
      axes: [{ ...axis, label: xLabel }, { ...axis, size: 64, values: (_u, splits) => formatTicks(splits) }],
      series: [{ label: xLabel }, ...series.map((s) => ({
        label: s.label, stroke: s.color, width: s.width ?? 1.5, dash: s.dash, spanGaps: true,
        points: { show: s.points ?? false },
      }))],
      legend: { live: true },
    };
    plot = new uPlot(opts, prepared(), element);
  };
  // A log scale cannot show values ≤ 0: those become gaps.
  const prepared = () => (log ? data.map((col, i) => (i === 0 ? col : col.map((v) => (v !== null && v > 0 ? v : null)))) : data) as uPlot.AlignedData;
  new ResizeObserver(() => plot?.setSize({ width: Math.max(element.clientWidth, 320), height: 220 })).observe(element);
  queueMicrotask(build);
  return {
    element,
    setData(next) {
      data = next;
      if (plot) plot.setData(prepared());
    },
    setLogScale(next) {
      if (next === log) return;
      log = next;
      build();
    },
  };
}
