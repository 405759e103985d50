import type { Platform } from '@plaza/kernel';
import type { EventIngestor, EventOutcome, NetworkEvent, RewardsServices } from '@plaza/rewards';
import { buildRewardsDemoPlan, type DemoCard, type DemoStep, type StatusChange } from './rewards-plan.ts';
import type { SeedClock } from './seed-clock.ts';

export interface RewardsSeedDeps {
  platform: Platform;
  clock: SeedClock;
  services: RewardsServices;
  /** The moment the plan is built from; the clock's time when absent. A resumed seed passes the first run's. */
  anchorMs?: number;
}

export interface DemoCardholder {
  readonly handle: string;
  readonly last4: string;
  readonly level: number;
  /** The primary card's holder, for a supplementary card. */
  readonly supplementaryOf?: string;
}

export interface RewardsSeedSummary {
  cards: number;
  switches: number;
  /** Level changes and eligibility flags the bank decided. */
  statusChanges: number;
  events: number;
  applied: number;
  held: number;
  duplicate: number;
  rejected: number;
  holders: DemoCardholder[];
  elapsedMs: number;
}

interface Issued {
  readonly id: string;
  readonly token: string;
}

/**
 * Seeds the Rewards demo through the services, as the bank's admin, the cardholders and the
 * card network would act, with the clock moved to each step: cards issued months ago, plan
 * switches on their days, and the network's events through the real ingestor, so the card
 * app shows transactions with their points, pending and available.
 */
export async function seedRewardsDemo(deps: RewardsSeedDeps): Promise<RewardsSeedSummary> {
  const started = Date.now();
  const plan = buildRewardsDemoPlan(deps.anchorMs ?? deps.clock.nowMs());
  const run = new RewardsSeedRun(deps, plan.cards);
  try {
    for (const step of plan.steps) {
      deps.clock.moveTo(step.at);
      await run.apply(step);
    }
  } finally {
    deps.clock.release();
  }
  return { ...run.counts, holders: run.holders(), elapsedMs: Date.now() - started };
}

class RewardsSeedRun {
  readonly counts = {
    cards: 0,
    switches: 0,
    statusChanges: 0,
    events: 0,
    applied: 0,
    held: 0,
    duplicate: 0,
    rejected: 0,
  };
  private readonly issued = new Map<string, Issued>();
  private readonly ingestor: EventIngestor;

  constructor(
    private readonly deps: RewardsSeedDeps,
    private readonly cards: readonly DemoCard[],
  ) {
    this.ingestor = deps.services.ingestor;
  }

  async apply(step: DemoStep): Promise<void> {
    switch (step.kind) {
      case 'issue':
        return this.issue(step.card);
      case 'switch':
        return this.switchPlan(step.card, step.planId, step.at);
      case 'status':
        return this.changeStatus(step.card, step.change);
      case 'events':
        return this.ingest(step.events.flatMap(({ cardKey, event }) => this.withCard(cardKey, event)));
    }
  }

  holders(): DemoCardholder[] {
    return this.cards
      .filter((c) => this.issued.has(c.key))
      .map((c) => ({
        handle: c.holder,
        last4: c.last4,
        level: c.level,
        ...(c.primary ? { supplementaryOf: this.cards.find((p) => p.key === c.primary)?.holder ?? '' } : {}),
      }));
  }

  private async issue(card: DemoCard): Promise<void> {
    const { auth, logger } = this.deps.platform;
    // The community seed creates the demo accounts; without one (a partial seed) its card is left out.
    const holder = await auth.findByHandle(card.holder);
    if (!holder) {
      logger.warn({ holder: card.holder }, 'rewards demo: holder account missing; card skipped');
      return;
    }
    const primaryCardId = card.primary ? this.issued.get(card.primary)?.id : undefined;
    if (card.primary && !primaryCardId) return;
    const earlier = await this.issuedBefore(holder.id, card.last4);
    if (earlier) {
      this.issued.set(card.key, earlier);
      return;
    }
    const issued = await this.deps.services.cards.issue({
      holderHandle: card.holder,
      last4: card.last4,
      level: card.level,
      birthMonth: card.birthMonth,
      primaryCardId,
    });
    this.issued.set(card.key, { id: issued.id, token: issued.token });
    this.counts.cards += 1;
  }

  /**
   * The card a killed seed already issued, when this run resumes it: every other step is
   * idempotent (one switch per day, a level or flag it already has, events by id), issuing is not.
   */
  private async issuedBefore(holderId: string, last4: string): Promise<Issued | undefined> {
    const { cards } = this.deps.services;
    const held = (await cards.heldByAccount(holderId)).find((c) => c.last4 === last4);
    const card = held && (await cards.findByRef(held.id));
    return card && { id: card.id, token: card.token };
  }

  private async switchPlan(cardKey: string, planId: string, at: number): Promise<void> {
    const card = this.issued.get(cardKey);
    if (!card) return;
    const result = await this.deps.services.selections.switchPlan(card.id, planId, at);
    if (result.changed) this.counts.switches += 1;
  }

  /** Decided by the bank's admin account; without one (a bare test database) the change is left out. */
  private async changeStatus(cardKey: string, change: StatusChange): Promise<void> {
    const card = this.issued.get(cardKey);
    const { auth, config } = this.deps.platform;
    const admin = await auth.findByHandle(config.adminHandle);
    if (!card || !admin) return;
    const { cardStatus } = this.deps.services;
    if ('flag' in change) await cardStatus.grantFlag(card.id, change.flag, admin.id);
    else await cardStatus.changeLevel(card.id, change.level, change.reason, admin.id);
    this.counts.statusChanges += 1;
  }

  /** The network names cards by token; an event of a card left out is left out too. */
  private withCard(cardKey: string, event: Omit<NetworkEvent, 'cardId'>): NetworkEvent[] {
    const card = this.issued.get(cardKey);
    return card ? [{ ...event, cardId: card.token }] : [];
  }

  private async ingest(events: NetworkEvent[]): Promise<void> {
    if (events.length === 0) return;
    const outcomes = await this.ingestor.ingest(events);
    for (const outcome of outcomes) this.count(outcome);
  }

  private count(outcome: EventOutcome): void {
    this.counts.events += 1;
    this.counts[outcome.status] += 1;
    // Demo events are meant to be valid: a refusal is a bug in the plan or the ingestor, worth seeing.
    if (outcome.status === 'rejected')
      this.deps.platform.logger.warn(
        { eventId: outcome.eventId, error: outcome.error },
        'rewards demo: event rejected',
      );
  }
}

/** Tells who holds the demo cards, so people trying Plaza know whom to sign in as. */
export function announceRewardsDemo(platform: Platform, summary: RewardsSeedSummary): void {
  const { holders, elapsedMs, ...counts } = summary;
  const who = holders
    .map((h) =>
      h.supplementaryOf
        ? `${h.handle} (supplementary card to ${h.supplementaryOf}'s, •••• ${h.last4})`
        : `${h.handle} (Level ${h.level}, •••• ${h.last4})`,
    )
    .join(', ');
  platform.logger.info(
    { ...counts, seconds: Math.round(elapsedMs / 100) / 10 },
    `rewards demo seeded: cards held by ${who}; they sign in with the demo password`,
  );
}
