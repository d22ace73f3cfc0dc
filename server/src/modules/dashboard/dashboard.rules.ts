import type { FieldError } from '../../errors.js';
import { DAY_MS } from './dashboard.plan.js';

/** Below this n a rate or a duration is "not enough data": a Wilson interval of 30 leads is still ±15 points wide or more. */
export const MINIMUM_SAMPLE = 30;
/** The longest range: two years and a day, so "the same period last year" fits, and the day series stays short. */
export const MAX_RANGE_DAYS = 731;
/** A WON lead that scored below this is a false negative of the model (the "< 40", the default WARM floor). */
export const LOW_SCORE_BELOW = 40;
/** At most this many buckets in a source's trend, so a sparkbar of a year stays readable. */
export const MAX_TREND_BUCKETS = 15;
export const MAX_OWNER_IDS = 200;

// IANA names: letters, digits, `_ + - /`; the database must know it too (checked when the statement runs)
const TIME_ZONE_PATTERN = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

export function isTimeZone(name: string): boolean {
  if (!TIME_ZONE_PATTERN.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Field errors of leadKpis' arguments, named by their path (`range.to`, `filter.ownerIds`). */
export function validateKpiArgs(range: { from: Date; to: Date; timeZone?: string | null }, filter: { ownerIds?: string[] | null } | null | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (Number.isNaN(from)) errors.push({ field: 'range.from', code: 'REQUIRED', message: 'range.from must be a date and time.' });
  if (Number.isNaN(to)) errors.push({ field: 'range.to', code: 'REQUIRED', message: 'range.to must be a date and time.' });
  else if (to <= from) errors.push({ field: 'range.to', code: 'OUT_OF_RANGE', message: 'range.to must be later than range.from.' });
  else if (to - from > MAX_RANGE_DAYS * DAY_MS) {
    errors.push({ field: 'range.to', code: 'OUT_OF_RANGE', message: `A range may span at most ${MAX_RANGE_DAYS} days; choose a later range.from or an earlier range.to.` });
  }
  if (range.timeZone != null && !isTimeZone(range.timeZone)) {
    errors.push({ field: 'range.timeZone', code: 'OUT_OF_RANGE', message: `Not a time zone: use an IANA name such as Europe/Berlin or UTC.` });
  }
  if ((filter?.ownerIds?.length ?? 0) > MAX_OWNER_IDS) {
    errors.push({ field: 'filter.ownerIds', code: 'OUT_OF_RANGE', message: `At most ${MAX_OWNER_IDS} owners at once.` });
  }
  return errors;
}

/** Days per trend bucket: whole days, so that at most MAX_TREND_BUCKETS buckets cover `days`. */
export function trendBucketDays(days: number): number {
  return Math.max(1, Math.ceil(days / MAX_TREND_BUCKETS));
}
