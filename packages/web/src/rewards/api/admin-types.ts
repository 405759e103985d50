import type { ChannelRule, Eligibility, LevelKey, Names } from './types.ts';

/** The bank's console shapes (`packages/rewards/src/admin/schemas.ts`). */

export type ChannelRate = { kind: 'flat'; bps: number } | { kind: 'by_level'; bps: Record<LevelKey, number> };

export interface AdminChannel {
  id: string;
  names: Names;
  rules: ChannelRule[];
  rate: ChannelRate;
}

export interface AdminCap {
  id: string;
  scope: { kind: 'plan' } | { kind: 'channel'; channelId: string };
  period: 'month' | 'window';
  limitPoints: number;
}

/** What the bank writes for a version: everything but its id, plan and schedule. */
export interface VersionTerms {
  names: Names;
  validFrom: string;
  /** null: open-ended, until the bank schedules an end (a withdrawal). */
  validTo: string | null;
  eligibility: Eligibility;
  channels: AdminChannel[];
  caps: AdminCap[];
}

export type VersionState = 'draft' | 'scheduled' | 'on_shelf' | 'withdrawn' | 'ended';
export type PlanState = 'on_shelf' | 'scheduled' | 'off_shelf';

export interface AdminVersionView extends VersionTerms {
  id: string;
  planId: string;
  /** The Taipei dates the version judges: its window cut to the shelf; null for drafts. */
  effective: { from: string; to: string | null } | null;
  shelf: { onShelfAt: number; offShelfAt: number | null } | null;
  state: VersionState;
  /** False once the version has been on the shelf: its terms and start are final. */
  editable: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface AdminPlanView {
  id: string;
  names: Names;
  state: PlanState;
  createdAt: number;
  versions: AdminVersionView[];
}

export interface CatalogView {
  programId: string;
  names: Names;
  revision: number;
  generalRateBps: number;
  planSelectionDate: 'transaction' | 'settlement';
  asOf: number;
  plans: AdminPlanView[];
  /** Plans leaving the shelf within 30 days with no version after them. */
  shelfWarnings: ShelfWarning[];
}

export interface ShelfWarning {
  code: 'plan_leaves_shelf';
  planId: string;
  versionId: string;
  leavesShelfAt: number;
  /** Its last Taipei day on the shelf. */
  lastDay: string;
}

export interface ScheduleInput {
  /** RFC 3339 with an offset; absent means now. */
  onShelfAt?: string;
  offShelfAt?: string | null;
}

/** `POST /api/rewards/v1/admin/preview`: a transaction as the network would send it, and a card state. */
export interface PreviewInput {
  transaction: {
    amount: number;
    currency: string;
    billedAmountTwd: number;
    merchant: { id: string; name: string; mcc: string; country: string; presence?: 'in_person' | 'online' };
    transactionAt: string;
    installments?: { count: number; index: number };
  };
  card: { level: 1 | 2 | 3; birthMonth: number | null; flags?: Record<string, string> };
}

export interface PreviewLine {
  kind: 'general' | 'bonus';
  points: number;
  rateBps: number;
  exactPoints: string;
  channelId: string | null;
  explanation: Names;
}

export interface PlanPreview {
  planId: string;
  names: Names;
  versionId: string;
  totalPoints: number;
  lines: PreviewLine[];
}

export interface PreviewResult {
  /** The Taipei date that picks the plan version. */
  selectionDate: string;
  withoutPlan: { totalPoints: number; lines: PreviewLine[] };
  items: PlanPreview[];
}
