import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar/taipei-date.ts';
import type { EventStatus, NetworkEvent } from '../contracts.ts';
import { type PointsBed, startPointsBed } from './test-support.ts';

/**
 * The runner of the lifecycle acceptance examples (acceptance-*.test.ts): each example runs on
 * its own cardholder and card, through the real ingest path, and is read back through the API.
 */
export interface Cards {
  /** The card the events name (a supplementary card in the 附卡 example). */
  readonly id: string;
  readonly token: string;
  readonly holderToken: string;
  readonly primaryId: string;
}

export type Step =
  /** Ingest these events as one batch, expecting these outcomes (and points, where given). */
  | {
      readonly ingest: readonly NetworkEvent[];
      readonly statuses: readonly EventStatus[];
      readonly points?: readonly (number | undefined)[];
      readonly codes?: readonly (string | undefined)[];
    }
  /** On this Taipei date (the clock moves there), the card's points read through the API. */
  | {
      readonly on: CalendarDate;
      readonly pending: number;
      readonly available: number;
      readonly owed?: number;
    }
  /** The card's newest transaction as the API lists it. */
  | {
      readonly transaction: {
        readonly status: string;
        readonly net: number;
        readonly earned?: number;
        readonly authorizedAmount?: number;
        readonly settledAmount?: number;
      };
    }
  /** The legs of every posting the card has, oldest first, as `leg:points`. */
  | { readonly legs: readonly string[] }
  /** Spend available points (a redemption), as a later catalog will. */
  | { readonly spend: number; readonly reference: string };

export interface Example {
  readonly name: string;
  /** Plan selections of the primary card, [plan, Taipei date], in date order. */
  readonly plans: readonly (readonly [string, CalendarDate])[];
  readonly level?: 1 | 2 | 3;
  /** Events go to a supplementary card of the primary (附卡). */
  readonly supplementary?: boolean;
  readonly steps: (c: Cards) => readonly Step[];
}

/** Runs the examples as one suite per test database. */
export function runExamples(title: string, examples: readonly Example[]): void {
  describe.each(testDatabases())(`${title} ($name)`, (target) => {
    let bed: PointsBed;
    beforeAll(async () => {
      bed = await startPointsBed(target);
    });
    afterAll(async () => bed?.server.close());

    async function cardsFor(example: Example): Promise<Cards> {
      const holder = await bed.holder('holder');
      bed.at(example.plans[0]?.[1] ?? '2024-01-02', '08:00');
      const primary = await bed.issue(holder.handle, { level: example.level ?? 2 });
      for (const [planId, date] of example.plans) await bed.switchPlan(primary.id, planId, date, '08:30');
      if (!example.supplementary) return { ...primary, holderToken: holder.token, primaryId: primary.id };
      const other = await bed.holder('supp');
      const supplementary = await bed.issue(other.handle, { primaryCardId: primary.id });
      return { ...supplementary, holderToken: other.token, primaryId: primary.id };
    }

    async function run(step: Step, c: Cards): Promise<void> {
      if ('ingest' in step) {
        const outcomes = await bed.ingest(...step.ingest);
        expect(outcomes.map((o) => o.status)).toEqual(step.statuses);
        if (step.points) expect(outcomes.map((o) => o.points)).toEqual(step.points);
        if (step.codes) expect(outcomes.map((o) => o.error?.code)).toEqual(step.codes);
      } else if ('on' in step) {
        bed.at(step.on, '09:00');
        const res = await bed.get(`/api/rewards/v1/cards/${c.id}/points`, c.holderToken);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({
          pending: step.pending,
          available: step.available,
          owed: step.owed ?? 0,
        });
      } else if ('transaction' in step) {
        const res = await bed.get(`/api/rewards/v1/cards/${c.id}/transactions?limit=1`, c.holderToken);
        expect(res.statusCode, res.body).toBe(200);
        const [tx] = res.json().items;
        const { net, earned, ...rest } = step.transaction;
        expect(tx).toMatchObject({ ...rest, points: { net, ...(earned === undefined ? {} : { earned }) } });
      } else if ('legs' in step) {
        const rows = await bed.services.ledger.history(c.id, 1000, null);
        const legs = rows
          .sort(
            (a, b) =>
              Number(a.effective_at) - Number(b.effective_at) ||
              a.event_id.localeCompare(b.event_id) ||
              a.line_no - b.line_no,
          )
          .map((r) => `${r.leg}:${r.amount}`);
        expect(legs).toEqual(step.legs);
      } else {
        await bed.services.ledger.spend({ cardId: c.id, points: step.spend, reference: step.reference });
      }
    }

    it.each(examples.map((e) => [e.name, e] as const))('%s', async (_name, example) => {
      const cards = await cardsFor(example);
      for (const step of example.steps(cards)) await run(step, cards);
    });
  });
}
