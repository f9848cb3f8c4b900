// The experiment store's public API (design.md "Store rules").
export { ExperimentStore, type NewRun, type NewSweep, type RunPatch, type SweepPatch } from './experimentStore';
export { MetricsWriter, readMetrics } from './metricsFile';
export { repairStore, type RepairReport } from './repair';
export { StoreCorruptError, StoreVersionError, RecordNotFoundError } from './errors';
export { newId } from './ids';
export { requestStop, type StopOutcome } from './stopRequest';
export { isAlive, processMentions } from './processes';
