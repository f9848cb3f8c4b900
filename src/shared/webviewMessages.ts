// The extension ↔ webview boundary: one discriminated union per direction, each validated where it arrives
// (a webview's messages are untrusted input to the extension host, and the other way round).
import type { MetricLine, RunRecord, SweepRecord } from './storeSchema';

export type PanelKind = 'run' | 'sweep' | 'compare';

/** One grid image of a run: the epoch it shows and the webview URI to load it from. */
export interface GridImage { epoch: number; uri: string }

/** What a run panel draws: the record, its metric lines so far, its grid images and (failed runs) the log tail. */
export interface RunView { run: RunRecord; lines: MetricLine[]; images: GridImage[]; logTail: string }

// ── Sent by the extension to a webview ──────────────────────────────────────────────────────────
/** The whole state of a run panel (first paint, or after the run was replaced). */
export interface RunStateMessage { type: 'runState'; view: RunView }
/** Lines appended since the last message, with the run's updated record and images: the live path. */
export interface RunAppendMessage { type: 'runAppend'; run: RunRecord; lines: MetricLine[]; images: GridImage[]; logTail: string }
/** The sweep panel: the sweep, its runs, and each run's epoch lines of the sweep's metric. */
export interface SweepStateMessage { type: 'sweepState'; sweep: SweepRecord; runs: RunRecord[]; series: Record<string, MetricLine[]> }
/** The compare panel: the selected runs and their epoch lines. */
export interface CompareStateMessage { type: 'compareState'; runs: RunRecord[]; series: Record<string, MetricLine[]> }
export type ExtensionToWebview = RunStateMessage | RunAppendMessage | SweepStateMessage | CompareStateMessage;

// ── Sent by a webview to the extension ──────────────────────────────────────────────────────────
/** The webview's script has loaded and listens: only now is it sent data. */
export interface ReadyMessage { type: 'ready' }
export interface OpenRunMessage { type: 'openRun'; runId: string }
export interface CompareRunsMessage { type: 'compareRuns'; runIds: string[] }
export interface StopRunMessage { type: 'stopRun'; runId: string }
export type WebviewToExtension = ReadyMessage | OpenRunMessage | CompareRunsMessage | StopRunMessage;

// ── Validation at arrival ────────────────────────────────────────────────────────────────────────
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
/** Run ids are used in file paths: allow only the characters the store's ids are made of. */
const isRunId = (v: unknown): v is string => isStr(v) && /^[A-Za-z0-9_-]{1,100}$/.test(v);
const isRecordLike = (v: unknown): boolean => isObject(v) && isStr(v.id) && isStr(v.status);
const isLines = (v: unknown): boolean =>
  Array.isArray(v) && v.every((l) => isObject(l) && isStr(l.kind) && typeof l.epoch === 'number' && isObject(l.values));
const isImages = (v: unknown): boolean =>
  Array.isArray(v) && v.every((i) => isObject(i) && typeof i.epoch === 'number' && isStr(i.uri));
const isSeries = (v: unknown): boolean => isObject(v) && Object.values(v).every(isLines);

const webviewMessageChecks: Record<WebviewToExtension['type'], (m: Record<string, unknown>) => boolean> = {
  ready: () => true,
  openRun: (m) => isRunId(m.runId),
  compareRuns: (m) => Array.isArray(m.runIds) && m.runIds.length >= 1 && m.runIds.length <= 20 && m.runIds.every(isRunId),
  stopRun: (m) => isRunId(m.runId),
};

const extensionMessageChecks: Record<ExtensionToWebview['type'], (m: Record<string, unknown>) => boolean> = {
  runState: (m) => isObject(m.view) && isRecordLike(m.view.run) && isLines(m.view.lines) && isImages(m.view.images) && isStr(m.view.logTail),
  runAppend: (m) => isRecordLike(m.run) && isLines(m.lines) && isImages(m.images) && isStr(m.logTail),
  sweepState: (m) => isRecordLike(m.sweep) && Array.isArray(m.runs) && m.runs.every(isRecordLike) && isSeries(m.series),
  compareState: (m) => Array.isArray(m.runs) && m.runs.every(isRecordLike) && isSeries(m.series),
};

export function isWebviewToExtension(value: unknown): value is WebviewToExtension {
  if (!isObject(value) || !isStr(value.type) || !Object.hasOwn(webviewMessageChecks, value.type)) return false;
  return webviewMessageChecks[value.type as WebviewToExtension['type']](value);
}

export function isExtensionToWebview(value: unknown): value is ExtensionToWebview {
  if (!isObject(value) || !isStr(value.type) || !Object.hasOwn(extensionMessageChecks, value.type)) return false;
  return extensionMessageChecks[value.type as ExtensionToWebview['type']](value);
}
