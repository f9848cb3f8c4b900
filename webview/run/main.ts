// The run panel: loss curves (live), PSNR/SSIM, throughput, grid images with an epoch slider, configuration,
// and a failed run's error with its log tail.
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { MetricLine, RunRecord } from '../../src/shared/storeSchema';
import type { GridImage, RunView } from '../../src/shared/webviewMessages';
import { adoptChartStyles } from '../common/chartStyles';
import { el } from '../common/dom';
import { createLineChart } from '../common/lineChart';
import { listen, post, saveState } from '../common/vscodeApi';
import { renderGrid, type GridViewer } from './gridViewer';
import { renderHeader, renderDetails } from './runInfo';
import { epochColumns, stepColumns } from './runSeries';

adoptChartStyles();
const app = document.getElementById('app')!;
let view: RunView | undefined;
let smoothing = 0.6;
let logScale = false;
let redrawQueued = false;

const stepChart = createLineChart('Training loss per step', 'step', [
  { label: 'loss', color: '#4e9ae655', width: 1 }, { label: 'loss (smoothed)', color: '#4e9ae6', width: 2 },
]);
const lossChart = createLineChart('Loss per epoch', 'epoch', [
  { label: 'train loss', color: '#4e9ae6', points: true }, { label: 'val loss', color: '#f28e2b', points: true },
]);
const qualityChart = createLineChart('Validation PSNR (dB)', 'epoch', [{ label: 'val_psnr', color: '#59a14f', points: true }]);
const ssimChart = createLineChart('Validation SSIM', 'epoch', [{ label: 'val_ssim', color: '#b07aa1', points: true }]);
const speedChart = createLineChart('Throughput (images/s)', 'epoch', [{ label: 'images_per_sec', color: '#76b7b2', points: true }]);
const header = el('header');
const errorBox = el('section', { class: 'error', hidden: '' });
const details = el('section', { class: 'details' });
let grid: GridViewer | undefined;
const gridBox = el('section', { class: 'grid' });

function controls(): HTMLElement {
  const slider = el('input', { type: 'range', min: '0', max: '0.99', step: '0.01', value: String(smoothing), 'aria-label': 'Smoothing' });
  const value = el('span', { text: smoothing.toFixed(2) });
  slider.addEventListener('input', () => {
    smoothing = Number(slider.value);
    value.textContent = smoothing.toFixed(2);
    scheduleRedraw();
  });
  const log = el('vscode-checkbox', { label: 'Log scale' }) as HTMLElement & { checked: boolean };
  log.addEventListener('change', () => {
    logScale = log.checked;
    for (const chart of [stepChart, lossChart]) chart.setLogScale(logScale);
  });
  return el('div', { class: 'controls' }, el('label', {}, 'Smoothing ', slider, ' ', value), log);
}

function layout(): void {
  app.replaceChildren(header, errorBox, controls(),
    el('div', { class: 'charts' }, stepChart.element, lossChart.element, qualityChart.element, ssimChart.element, speedChart.element),
    gridBox, details);
}

function scheduleRedraw(): void {
  if (redrawQueued) return;
  redrawQueued = true;
  requestAnimationFrame(() => {
    redrawQueued = false;
    if (view) draw(view);
  });
}

function draw(current: RunView): void {
  const { lines } = current;
  stepChart.setData(stepColumns(lines, smoothing));
  lossChart.setData(epochColumns(lines, ['loss', 'val_loss'], smoothing));
  qualityChart.setData(epochColumns(lines, ['val_psnr']));
  ssimChart.setData(epochColumns(lines, ['val_ssim']));
  speedChart.setData(epochColumns(lines, ['images_per_sec']));
  // How many metric lines are drawn: lets a test (or a curious user in devtools) see the panel keep up.
  app.dataset.points = String(lines.length);
}

function showRun(run: RunRecord, lines: MetricLine[], images: GridImage[], logTail: string): void {
  renderHeader(header, run, () => post({ type: 'stopRun', runId: run.id }));
  renderDetails(details, run, lines);
  errorBox.hidden = !run.error;
  if (run.error) {
    errorBox.replaceChildren(el('h3', { text: `Failed: ${run.error.message}` }),
      el('pre', { class: 'log', text: logTail || run.error.stderrTail || run.error.stack || '(no log)' }));
  }
  grid = renderGrid(gridBox, images, grid);
}

listen((message) => {
  if (message.type === 'runState') {
    view = message.view;
    saveState({ runId: view.run.id });
    layout();
  } else if (message.type === 'runAppend' && view && view.run.id === message.run.id) {
    view = { run: message.run, lines: view.lines.concat(message.lines), images: message.images, logTail: message.logTail };
  } else {
    return;
  }
  showRun(view.run, view.lines, view.images, view.logTail);
  scheduleRedraw();
});
