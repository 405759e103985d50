import { api, enc, query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import type { Names } from './types.ts';

/** A merchant of the directory (`GET /api/rewards/v1/merchants`). */
export interface MerchantView {
  id: string;
  names: Names;
  /** ISO 18245; null when the directory has none. */
  mcc: number | null;
  updatedAt: number;
}

export interface MerchantInput {
  names: Names;
  mcc: number | null;
}

/** What the directory accepts as an id (the server's `MERCHANT_ID_PATTERN`): other text can never be named. */
export const MERCHANT_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** The server's limit on one `?ids=` list. */
const IDS_PER_REQUEST = 100;
const MERCHANTS = '/api/rewards/v1/merchants';

/** The known merchants among `ids` (ids that cannot be merchant ids are not asked for), in as few requests as the limit allows. */
export async function merchantsByIds(ids: readonly string[]): Promise<MerchantView[]> {
  const valid = ids.filter((id) => MERCHANT_ID.test(id));
  const chunks: string[][] = [];
  for (let i = 0; i < valid.length; i += IDS_PER_REQUEST) chunks.push(valid.slice(i, i + IDS_PER_REQUEST));
  const pages = await Promise.all(
    chunks.map((chunk) => api<Page<MerchantView>>('GET', `${MERCHANTS}${query({ ids: chunk.join(',') })}`)),
  );
  return pages.flatMap((page) => page.items);
}

/** One page of the whole directory, in id order. */
export const listMerchants = (cursor?: string) =>
  api<Page<MerchantView>>('GET', `${MERCHANTS}${query({ cursor, limit: 100 })}`);

/** Names a merchant, or renames it (admin). */
export const putMerchant = (id: string, input: MerchantInput) =>
  api<MerchantView>('PUT', `/api/rewards/v1/admin/merchants/${enc(id)}`, input);
