import { api, enc } from '../../api/client.ts';
import type {
  AdminPlanView,
  AdminVersionView,
  CatalogView,
  PreviewInput,
  PreviewResult,
  ScheduleInput,
  VersionTerms,
} from './admin-types.ts';
import type { Names } from './types.ts';

const ADMIN = '/api/rewards/v1/admin';

/** Every plan and version, past, current, scheduled and drafts, with their shelf state now. */
export const getCatalog = () => api<CatalogView>('GET', `${ADMIN}/catalog`);

export const createPlan = (input: { id: string; names: Names }) =>
  api<AdminPlanView>('POST', `${ADMIN}/plans`, input);

export const addVersion = (planId: string, terms: VersionTerms & { id?: string }) =>
  api<AdminVersionView>('POST', `${ADMIN}/plans/${enc(planId)}/versions`, terms);

/** Corrects a version that has not been on the shelf yet. */
export const editVersion = (versionId: string, terms: VersionTerms) =>
  api<AdminVersionView>('PUT', `${ADMIN}/versions/${enc(versionId)}`, terms);

/** Puts a version on the shelf from an instant (now when absent), and off it at another if given. */
export const scheduleVersion = (versionId: string, input: ScheduleInput) =>
  api<AdminVersionView>('POST', `${ADMIN}/versions/${enc(versionId)}/schedule`, input);

/** Takes a version off the shelf from an instant (now when absent). */
export const withdrawVersion = (versionId: string, offShelfAt?: string) =>
  api<AdminVersionView>(
    'POST',
    `${ADMIN}/versions/${enc(versionId)}/withdraw`,
    offShelfAt ? { offShelfAt } : {},
  );

/** What a transaction would earn under every plan in force on its date (read-only). */
export const previewEarnings = (input: PreviewInput) => api<PreviewResult>('POST', `${ADMIN}/preview`, input);
