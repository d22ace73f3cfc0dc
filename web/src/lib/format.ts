import type { BudgetRange, CompanySize } from '../gql/graphql';

export type Locale = 'en' | 'de';

// Intl formatters are costly to build and a long list formats thousands of cells: build each once
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, build: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = build()));
  return formatter;
}

/** The date format of a locale and shape, built once. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(`date:${locale}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** The number format of a locale and shape, built once. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`num:${locale}:${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago" / "vor 3 Tagen"; "now" under a minute. */
export function relativeTime(iso: string, locale: Locale, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = cached(`rel:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

export function formatDateTime(iso: string, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}

function money(value: number, locale: Locale): string {
  return numberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

const BUDGET_BOUNDS: Record<BudgetRange, [number | null, number | null]> = {
  UNDER_10K: [null, 10_000],
  FROM_10K_TO_50K: [10_000, 50_000],
  FROM_50K_TO_100K: [50_000, 100_000],
  OVER_100K: [100_000, null],
};

const SIZE_BOUNDS: Record<CompanySize, [number, number | null]> = {
  SIZE_1_10: [1, 10],
  SIZE_11_50: [11, 50],
  SIZE_51_200: [51, 200],
  SIZE_201_1000: [201, 1000],
  SIZE_OVER_1000: [1000, null],
};

/** "€10,000–€50,000" / "10.000 €–50.000 €"; open ends use the `under`/`over` words passed in. */
export function budgetLabel(range: BudgetRange, locale: Locale, words: { under: string; over: string }): string {
  const [low, high] = BUDGET_BOUNDS[range];
  if (low === null) return `${words.under} ${money(high!, locale)}`;
  if (high === null) return `${words.over} ${money(low, locale)}`;
  return `${money(low, locale)}–${money(high, locale)}`;
}

/** "51–200", "1,000+" (localised digits). */
export function companySizeLabel(size: CompanySize, locale: Locale): string {
  const [low, high] = SIZE_BOUNDS[size];
  if (high === null) return `${formatNumber(low, locale)}+`;
  return `${formatNumber(low, locale)}–${formatNumber(high, locale)}`;
}

export const BUDGET_OPTIONS = Object.keys(BUDGET_BOUNDS) as BudgetRange[];
export const COMPANY_SIZE_OPTIONS = Object.keys(SIZE_BOUNDS) as CompanySize[];
