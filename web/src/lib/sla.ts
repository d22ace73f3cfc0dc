import type { LeadStatus } from '../gql/graphql';
import { numberFormat, type Locale } from './format';

/** What the countdown needs of a lead. */
export interface SlaLead {
  status: LeadStatus;
  slaDueAt?: string | null;
  slaBreached: boolean;
}

/** Counting down; less than SOON_MS left; past the deadline. */
export type SlaPhase = 'running' | 'soon' | 'breached';

export interface SlaCountdown {
  phase: SlaPhase;
  /** Left until the deadline; negative once it has passed */
  remainingMs: number;
  /** "42:13", "3 hr 20 min", "2 days": how long is left, or how long it is overdue */
  time: string;
}

/** Under this much time left the countdown turns amber. */
export const SOON_MS = 15 * 60_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function unit(value: number, name: 'day' | 'hour' | 'minute', locale: Locale): string {
  return numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
}

/**
 * A duration as a countdown shows it: minutes and seconds in the last hour ("42:13", the seconds
 * ticking), hours and minutes within a day ("3 hr 20 min"), else whole days ("2 days": a lead days
 * overdue needs a call, not a finer number). The sign is ignored; whether time is left or overdue
 * is said around it.
 */
export function formatCountdown(ms: number, locale: Locale): string {
  // whole seconds, cut off: the display changes once a second, in step with the shared clock
  const total = Math.floor(Math.abs(ms) / 1000) * 1000;
  if (total < HOUR) {
    const minutes = Math.floor(total / MINUTE);
    const seconds = Math.floor((total % MINUTE) / 1000);
    return `${minutes}:${String(seconds).padStart(2, '0')}`;
  }
  if (total < DAY) {
    const hours = Math.floor(total / HOUR);
    const minutes = Math.floor((total % HOUR) / MINUTE);
    return minutes ? `${unit(hours, 'hour', locale)} ${unit(minutes, 'minute', locale)}` : unit(hours, 'hour', locale);
  }
  return unit(Math.floor(total / DAY), 'day', locale);
}

/**
 * The speed-to-lead countdown of a lead, or null when there is none: only a lead nobody has
 * contacted yet (status NEW) with a deadline counts down. The server's `slaBreached` counts too,
 * so a device whose clock runs late still marks the breach.
 */
export function slaCountdown(lead: SlaLead, now: number, locale: Locale): SlaCountdown | null {
  if (lead.status !== 'NEW' || !lead.slaDueAt) return null;
  const due = Date.parse(lead.slaDueAt);
  if (Number.isNaN(due)) return null;
  const left = due - now;
  const breached = lead.slaBreached || left <= 0;
  // breached by the server's clock while ours says there is time left: overdue by (about) nothing
  const remainingMs = breached ? Math.min(left, 0) : left;
  const phase: SlaPhase = breached ? 'breached' : left < SOON_MS ? 'soon' : 'running';
  return { phase, remainingMs, time: formatCountdown(remainingMs, locale) };
}
