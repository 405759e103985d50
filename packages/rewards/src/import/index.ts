/** The settlement-file import (`plaza rewards import`): docs/rewards-file-format.md. */
export { BadHeaderError, COLUMNS, type Column, REQUIRED_COLUMNS } from './columns.ts';
export { CRASH_AFTER_BATCHES_ENV, crashAfterBatches } from './crash-hook.ts';
export {
  DEFAULT_BATCH_SIZE,
  type ImportDeps,
  ImportFileError,
  type ImportOptions,
  type ImportSummary,
  importSettlementFile,
  MAX_BATCH_SIZE,
} from './importer.ts';
export type { ProgressOutput } from './progress.ts';
export { createImportStore, type ImportStore, type ImportTables } from './store.ts';
