/** Pure date arithmetic of the rollups: which UTC days a request may read from them, and what it reads live. */

export const DAY_MS = 86_400_000;

/** [from, to): instants of creation. */
export interface Interval {
  from: Date;
  to: Date;
}
/** The series of a rollup counts leads per quarter hour of its UTC day: every time zone in use today is offset by whole quarter hours. */
export const QUARTER_MS = 15 * 60_000;
export const QUARTERS_PER_DAY = DAY_MS / QUARTER_MS;

/** `YYYY-MM-DD` of a UTC day. */
export const dayName = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** First instant (ms) of a UTC day named `YYYY-MM-DD`. */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/** The UTC days wholly inside [from, to): the first and the one after the last, as `YYYY-MM-DD` (first ≥ end: none). */
export function wholeDays(from: Date, to: Date): { first: string; end: string } {
  const first = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
  const end = Math.max(first, Math.floor(to.getTime() / DAY_MS) * DAY_MS);
  return { first: dayName(first), end: dayName(end) };
}

/** The first instants of a rollup's series buckets: the quarter hours of its day. */
export function quarterStarts(day: string): Date[] {
  const start = dayStart(day);
  return Array.from({ length: QUARTERS_PER_DAY }, (_, q) => new Date(start + q * QUARTER_MS));
}

/**
 * Pure: for each quarter hour of a UTC day (0-based), the day of the range it falls on (0-based,
 * `starts` being the first instants of the range's days in its time zone); null when a day of the
 * range begins inside a quarter hour of this day (a zone offset by other than whole quarter hours, as
 * local mean times before 1900 were): then that day's series cannot come from its rollup.
 */
export function quarterDays(day: string, starts: readonly number[]): Int32Array | null {
  const begin = dayStart(day);
  const end = begin + DAY_MS;
  for (const start of starts) if (start > begin && start < end && (start - begin) % QUARTER_MS !== 0) return null;
  const days = new Int32Array(QUARTERS_PER_DAY);
  let index = -1;
  for (let q = 0; q < QUARTERS_PER_DAY; q++) {
    const instant = begin + q * QUARTER_MS;
    while (index + 1 < starts.length && starts[index + 1] <= instant) index++;
    days[q] = index;
  }
  return days;
}

/** Pure: [from, to) without the given UTC days (sorted), as few intervals as possible. */
export function liveIntervals(from: Date, to: Date, days: readonly string[]): Interval[] {
  const intervals: Interval[] = [];
  let cursor = from.getTime();
  for (const day of days) {
    const start = dayStart(day);
    if (start > cursor) intervals.push({ from: new Date(cursor), to: new Date(start) });
    cursor = Math.max(cursor, start + DAY_MS);
  }
  if (to.getTime() > cursor) intervals.push({ from: new Date(cursor), to });
  return intervals;
}
