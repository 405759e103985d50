import { api, enc } from '../../api/client.ts';
import type {
  AdminCardView,
  FlagChange,
  FlagGrantInput,
  LevelChange,
  LevelChangeInput,
} from './admin-card-types.ts';

const CARDS = '/api/rewards/v1/admin/cards';

/** One card by its id or network token, with its holder and every level, flag and plan decision. */
export const getAdminCard = (cardRef: string) => api<AdminCardView>('GET', `${CARDS}/${enc(cardRef)}`);

/** Decides the card's level from the 1st of the next Taipei month. */
export const changeCardLevel = (cardId: string, input: LevelChangeInput) =>
  api<LevelChange>('POST', `${CARDS}/${enc(cardId)}/level`, input);

/** Grants an eligibility flag (e.g. `kids` for 童樂匯) from the 1st of the next Taipei month. */
export const grantCardFlag = (cardId: string, input: FlagGrantInput) =>
  api<FlagChange>('POST', `${CARDS}/${enc(cardId)}/flags`, input);

/** Clears a flag: it stops counting from the 1st of the next Taipei month. */
export const clearCardFlag = (cardId: string, flag: string) =>
  api<FlagChange>('DELETE', `${CARDS}/${enc(cardId)}/flags/${enc(flag)}`);
