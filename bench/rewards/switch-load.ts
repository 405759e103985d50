import { type LoadResult, measure } from '../lib/load.ts';
import { type CardSet, MAIN_PLANS } from './cards.ts';

export interface SwitchLoadSettings {
  connections: number;
  durationSeconds: number;
}

/**
 * `PUT /api/rewards/v1/cards/:id/plan` under load, every request a real switch: each goes to
 * a different primary card (in card order, signed in as its holder), asking for a plan other
 * than the card's current one, on a day the card has not switched yet. So every answer is a
 * new selection row, never the "already on that plan" shortcut or a refusal. Cards run out
 * after one pass: the run is then reported as not valid.
 */
export async function measureSwitches(
  baseUrl: string,
  cards: CardSet,
  settings: SwitchLoadSettings,
  firstCard = 0,
): Promise<{ result: LoadResult; nextCard: number }> {
  const primaries: number[] = [];
  for (let i = firstCard; i < cards.count; i += 1) if (cards.isPrimary(i)) primaries.push(i);
  let next = 0;
  const result = await measure({
    name: 'PUT plan (switch)',
    url: `${baseUrl}/api/rewards/v1/cards/x/plan`,
    method: 'POST',
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    setupRequest: (request) => {
      const card = primaries[next % primaries.length]!;
      next += 1;
      const current = cards.currentPlan(card);
      const target = MAIN_PLANS[(MAIN_PLANS.indexOf(current as (typeof MAIN_PLANS)[number]) + 1) % 4]!;
      return {
        ...request,
        method: 'PUT',
        path: `/api/rewards/v1/cards/${cards.cardId(card)}/plan`,
        headers: {
          ...request.headers,
          authorization: `Bearer ${cards.session(card)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ planId: target }),
      };
    },
  });
  if (next > primaries.length) {
    // A second visit asks for the plan the card already switched to today: answered 200 without
    // a change, so the figures would not be switches any more. More cards (--cards) fix it.
    console.log(`  ! ${next} switches asked for ${primaries.length} cards left: figures not valid`);
    process.exitCode = 1;
  }
  return { result, nextCard: primaries[Math.min(next, primaries.length - 1)]! + 1 };
}

/** The trivial route, measured in the same run: every ratio divides by it. */
export const trivial = (baseUrl: string, settings: SwitchLoadSettings) =>
  measure({
    name: 'trivial /healthz',
    url: `${baseUrl}/healthz`,
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
  });
