import type {
  Channel,
  ChannelRate,
  ChannelRule,
  MccSpec,
  ProgramSettings,
  RateBps,
} from '../program/types.ts';
import type { CardState, EarningTransaction } from './types.ts';

/** A merchant outside the home country is overseas, whatever the currency. */
export function isOverseas(tx: EarningTransaction, settings: ProgramSettings): boolean {
  return tx.merchant.country.toUpperCase() !== settings.homeCountry;
}

/** Foreign per the card terms (§1.7): another currency, or TWD at an overseas merchant. */
export function isForeign(tx: EarningTransaction, settings: ProgramSettings): boolean {
  return tx.currency.toUpperCase() !== settings.homeCurrency || isOverseas(tx, settings);
}

function mccMatches(specs: readonly MccSpec[], mcc: string): boolean {
  const code = Number(mcc);
  if (!/^\d{4}$/.test(mcc)) return false;
  return specs.some((spec) =>
    typeof spec === 'number' ? code === spec : spec[0] <= code && code <= spec[1],
  );
}

export function ruleMatches(rule: ChannelRule, tx: EarningTransaction, settings: ProgramSettings): boolean {
  if (rule.merchantIds && !rule.merchantIds.includes(tx.merchant.id)) return false;
  if (rule.mcc && !mccMatches(rule.mcc, tx.merchant.mcc)) return false;
  if (rule.presence && rule.presence !== tx.merchant.presence) return false;
  if (rule.region && rule.region !== (isOverseas(tx, settings) ? 'overseas' : 'domestic')) return false;
  return true;
}

export function rateFor(
  rate: ChannelRate,
  card: CardState,
): { bps: RateBps; level: CardState['level'] | null } {
  return rate.kind === 'flat'
    ? { bps: rate.bps, level: null }
    : { bps: rate.bps[card.level], level: card.level };
}

/**
 * The channel a transaction earns by. When several match (a 新光三越 purchase abroad could be
 * both a listed store and overseas in-person), the highest rate for this card wins, then the
 * first listed: the holder gets the better reading of the bank's own list.
 */
export function matchChannel(
  channels: readonly Channel[],
  tx: EarningTransaction,
  card: CardState,
  settings: ProgramSettings,
): Channel | undefined {
  let best: Channel | undefined;
  for (const channel of channels) {
    if (!channel.rules.some((rule) => ruleMatches(rule, tx, settings))) continue;
    if (!best || rateFor(channel.rate, card).bps > rateFor(best.rate, card).bps) best = channel;
  }
  return best;
}
