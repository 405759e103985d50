/**
 * Plaza Rewards, first slice: the program as data and the pure points engine. Storage, the
 * ledger, the transaction lifecycle and the API build on these exports.
 */
export type * from './admin/program-admin.ts';
export * from './calendar/business-days.ts';
export * from './calendar/taipei-date.ts';
export * from './cards/history.ts';
export * from './cards/service.ts';
export * from './cards/status.ts';
export type * from './cards/store.ts';
export * from './catalog/plans.ts';
export * from './contracts.ts';
export * from './earning/availability.ts';
export * from './earning/caps.ts';
export * from './earning/channels.ts';
export * from './earning/engine.ts';
export * from './earning/explain.ts';
export * from './earning/format.ts';
export * from './earning/messages.ts';
export * from './earning/money.ts';
export * from './earning/refund.ts';
export * from './earning/selection.ts';
export type * from './earning/types.ts';
export * from './import/index.ts';
export * from './ledger/accounts.ts';
export * from './ledger/service.ts';
export type * from './ledger/tables.ts';
export * from './lifecycle/ingestor.ts';
export type * from './lifecycle/reader.ts';
export type * from './lifecycle/summary.ts';
export type { EventProblem } from './lifecycle/validate.ts';
export * from './merchants/cube-merchants.ts';
export type * from './merchants/service.ts';
export * from './points/wiring.ts';
export * from './product.ts';
export * from './program/catalog.ts';
export * from './program/check.ts';
export * from './program/cube-program.ts';
export * from './program/lookup.ts';
export type { StoredProgramSource } from './program/source.ts';
export type * from './program/types.ts';
export * from './selections/eligibility.ts';
export * from './selections/errors.ts';
export * from './selections/service.ts';
