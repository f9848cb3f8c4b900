export { exportRows, toCsv, columnsOf, type ExportRow } from './exportRows';
export { runTable, sweepTable, formatNumber } from './runTable';
