import type { FieldError } from '../../errors.js';
import { LeadTier } from '../leads/lead.enums.js';
import { LeadStatus } from './lifecycle.enums.js';

/** Minutes from a lead's creation to its first contact, per tier; null: no SLA for the tier. */
export type SlaMinutes = Record<LeadTier, number | null>;

export interface DecayRule {
  enabled: boolean;
  /** points taken off per step */
  points: number;
  /** idle days before each step */
  everyDays: number;
  /** decay never takes a score below this */
  floor: number;
}

export interface TenantRules {
  sla: SlaMinutes;
  decay: DecayRule;
}

export const DEFAULT_SLA_MINUTES: Readonly<SlaMinutes> = { HOT: 60, KEY_ACCOUNT: 240, WARM: 2880, COLD: null };
export const DEFAULT_DECAY: Readonly<DecayRule> = { enabled: false, points: 5, everyDays: 30, floor: 0 };
export const DEFAULT_RULES: TenantRules = { sla: { ...DEFAULT_SLA_MINUTES }, decay: { ...DEFAULT_DECAY } };

/** Limits of the settings, for validation and the schema's descriptions. */
export const SETTINGS_LIMITS = {
  slaMinutes: { min: 1, max: 525_600 }, // a year
  decayPoints: { min: 1, max: 50 },
  decayEveryDays: { min: 1, max: 365 },
  decayFloor: { min: 0, max: 99 },
} as const;

const MINUTE = 60_000;

/** When the first contact is due: only while the lead is NEW and its tier has an SLA. */
export function slaDueAt(lead: { status: LeadStatus; tier: LeadTier; createdAt: Date }, sla: SlaMinutes): Date | null {
  const minutes = sla[lead.tier];
  if (lead.status !== LeadStatus.NEW || minutes == null) return null;
  return new Date(lead.createdAt.getTime() + minutes * MINUTE);
}

export function slaBreached(lead: { status: LeadStatus; tier: LeadTier; createdAt: Date }, sla: SlaMinutes, now = Date.now()): boolean {
  const due = slaDueAt(lead, sla);
  return due !== null && due.getTime() < now;
}

function range(field: string, value: number | null | undefined, limits: { min: number; max: number }, errors: FieldError[], nullable = false): void {
  if (value == null) {
    if (!nullable) errors.push({ field, code: 'REQUIRED', message: `${field} is required.` });
    return;
  }
  if (!Number.isInteger(value) || value < limits.min || value > limits.max) {
    errors.push({ field, code: 'OUT_OF_RANGE', message: `${field} must be a whole number from ${limits.min} to ${limits.max}${nullable ? ', or null for none' : ''} (got ${value}).` });
  }
}

export interface SettingsChange {
  sla?: Partial<Record<'hotMinutes' | 'keyAccountMinutes' | 'warmMinutes' | 'coldMinutes', number | null>> | null;
  decay?: { enabled: boolean; points: number; everyDays: number; floor: number } | null;
}

/** Field errors of a settings change, named by their input path (e.g. `input.sla.hotMinutes`). */
export function validateSettings(change: SettingsChange): FieldError[] {
  const errors: FieldError[] = [];
  if (change.sla) {
    for (const key of ['hotMinutes', 'keyAccountMinutes', 'warmMinutes', 'coldMinutes'] as const) {
      range(`input.sla.${key}`, change.sla[key], SETTINGS_LIMITS.slaMinutes, errors, true);
    }
  }
  if (change.decay) {
    range('input.decay.points', change.decay.points, SETTINGS_LIMITS.decayPoints, errors);
    range('input.decay.everyDays', change.decay.everyDays, SETTINGS_LIMITS.decayEveryDays, errors);
    range('input.decay.floor', change.decay.floor, SETTINGS_LIMITS.decayFloor, errors);
  }
  return errors;
}

/** The rules after a change: a part given replaces that part; SLA minutes left out mean no SLA. */
export function applySettings(current: TenantRules, change: SettingsChange): TenantRules {
  return {
    sla: change.sla
      ? {
          HOT: change.sla.hotMinutes ?? null,
          KEY_ACCOUNT: change.sla.keyAccountMinutes ?? null,
          WARM: change.sla.warmMinutes ?? null,
          COLD: change.sla.coldMinutes ?? null,
        }
      : { ...current.sla },
    decay: change.decay ? { ...change.decay } : { ...current.decay },
  };
}
