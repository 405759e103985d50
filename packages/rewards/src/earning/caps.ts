import { type CalendarDate, monthOf } from '../calendar/taipei-date.ts';
import type { Cap, Channel, PlanVersion } from '../program/types.ts';
import type { CapState, CapUsage, CapUse, EarningLine } from './types.ts';

/**
 * The usage counter a cap reads for a date. The plan id is in the key so that switching plans
 * within a month neither resets nor shares another plan's cap; a window cap counts over its
 * version's whole window.
 * @example capKey(cap, version, '2026-03-14') === 'dining:dining-monthly@2026-03'
 */
export function capKey(cap: Cap, version: PlanVersion, date: CalendarDate): string {
  const period = cap.period === 'month' ? monthOf(date) : version.id;
  return `${version.planId}:${cap.id}@${period}`;
}

function capApplies(cap: Cap, channel: Channel): boolean {
  return cap.scope.kind === 'plan' || cap.scope.channelId === channel.id;
}

export interface CappedPoints {
  readonly granted: number;
  readonly caps: readonly CapState[];
  readonly capUse: readonly CapUse[];
}

/** The caps that bind a line, each with its counter key, what was used and the room left. */
export interface CapRoom {
  readonly cap: Cap;
  readonly key: string;
  readonly usedBefore: number;
  readonly room: number;
}

export function capRooms(
  version: PlanVersion,
  channel: Channel,
  date: CalendarDate,
  used: CapUsage,
): CapRoom[] {
  return version.caps
    .filter((cap) => capApplies(cap, channel))
    .map((cap) => {
      const key = capKey(cap, version, date);
      const usedBefore = used[key] ?? 0;
      return { cap, key, usedBefore, room: Math.max(0, cap.limitPoints - usedBefore) };
    });
}

/** The room the tightest cap leaves, or null when no cap binds the line. */
export function tightestRoom(rooms: readonly CapRoom[]): number | null {
  return rooms.length === 0 ? null : Math.min(...rooms.map((r) => r.room));
}

/** Each cap's state and usage once a line was granted `granted` points (never more than the room). */
export function grantWithin(rooms: readonly CapRoom[], granted: number): CappedPoints {
  return {
    granted,
    caps: rooms.map(({ cap, key, usedBefore, room }) => ({
      capId: cap.id,
      key,
      period: cap.period,
      scope: cap.scope.kind,
      limitPoints: cap.limitPoints,
      usedBefore,
      remainingAfter: room - granted,
    })),
    capUse: granted === 0 ? [] : rooms.map(({ key }) => ({ key, points: granted })),
  };
}

/** Grants as many of `points` as the tightest applicable cap leaves, recording each cap's room. */
export function applyCaps(
  points: number,
  version: PlanVersion,
  channel: Channel,
  date: CalendarDate,
  used: CapUsage,
): CappedPoints {
  const rooms = capRooms(version, channel, date, used);
  return grantWithin(rooms, Math.min(points, tightestRoom(rooms) ?? points));
}

/**
 * Usage after some lines: what the caller keeps between transactions (the ledger, later).
 * @example addCapUsage({}, earning.lines) → { 'dining:monthly@2026-03': 81 }
 */
export function addCapUsage(usage: CapUsage, lines: readonly EarningLine[]): CapUsage {
  const next: Record<string, number> = { ...usage };
  for (const line of lines) {
    if (line.kind === 'general') continue;
    for (const use of line.capUse) next[use.key] = (next[use.key] ?? 0) + use.points;
  }
  return next;
}
