// Parallel coordinates on a canvas: one vertical axis per parameter and one for the metric, one polyline per
// run coloured by its metric (best = bright). Categorical values are spread evenly along their axis.
import type { RunRecord } from '../../src/shared/storeSchema';
import { cssVar } from '../common/dom';
import { axisPosition, buildAxes, type Axis } from './axes';

export function drawParallelCoordinates(canvas: HTMLCanvasElement, runs: RunRecord[], params: string[], metric: string, goal: 'minimize' | 'maximize'): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const scale = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 600;
  const height = 260;
  canvas.width = width * scale;
  canvas.height = height * scale;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const done = runs.filter((r) => Number.isFinite(r.summary?.[metric]));
  if (done.length === 0 || params.length === 0) {
    ctx.fillStyle = cssVar('--vscode-descriptionForeground', '#999');
    ctx.fillText(params.length === 0 ? 'The sweep has no varied parameters.' : `No run has ${metric} yet.`, 12, 20);
    return;
  }
  const axes = buildAxes(done, params, metric);
  const top = 30;
  const bottom = height - 30;
  const x = (i: number) => 40 + (i * (width - 80)) / Math.max(axes.length - 1, 1);
  const y = (axis: Axis, v: number) => bottom - axisPosition(axis, v) * (bottom - top);
  const metricAxis = axes[axes.length - 1];
  done.forEach((_, runIndex) => {
    const quality = axisPosition(metricAxis, metricAxis.values[runIndex]);
    const good = goal === 'minimize' ? 1 - quality : quality;
    ctx.strokeStyle = `hsla(${30 + good * 170}, 80%, 55%, ${0.35 + 0.6 * good})`;
    ctx.lineWidth = 1 + good;
    ctx.beginPath();
    axes.forEach((axis, i) => (i === 0 ? ctx.moveTo(x(i), y(axis, axis.values[runIndex])) : ctx.lineTo(x(i), y(axis, axis.values[runIndex]))));
    ctx.stroke();
  });
  const fg = cssVar('--vscode-foreground', '#ccc');
  ctx.strokeStyle = fg;
  ctx.fillStyle = fg;
  ctx.lineWidth = 1;
  ctx.textAlign = 'center';
  axes.forEach((axis, i) => {
    ctx.beginPath();
    ctx.moveTo(x(i), top);
    ctx.lineTo(x(i), bottom);
    ctx.stroke();
    ctx.fillText(axis.name, x(i), top - 12);
    const label = (v: number) => (axis.labels ? axis.labels[v] ?? '' : String(Number(v.toPrecision(3))));
    ctx.fillText(label(axis.max), x(i), top - 1);
    ctx.fillText(label(axis.min), x(i), bottom + 12);
  });
}
