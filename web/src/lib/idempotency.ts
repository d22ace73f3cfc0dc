import type { Operation } from '@apollo/client/core';
import { RetryLink } from '@apollo/client/link/retry';

/** Tries of one request carrying an idempotency key, the first included. */
export const MAX_ATTEMPTS = 4;
const FIRST_DELAY_MS = 400;
const MAX_DELAY_MS = 4_000;

/** A random v4 UUID; crypto.randomUUID exists only on https and localhost. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One idempotency key per submission of a form. Sending the same values again (the rep pressed
 * save once more after a failure whose outcome is unknown) reuses the key, so the server stores
 * them at most once; changed values are a new submission with a new key. Call `settled()` once
 * the server has answered, so an identical later lead is not mistaken for a repeat.
 */
export function createSubmissionKeys(makeKey: () => string = newKey) {
  let last: { values: string; key: string } | null = null;
  return {
    keyFor(values: unknown): string {
      const json = JSON.stringify(values);
      if (last?.values !== json) last = { values: json, key: makeKey() };
      return last.key;
    },
    settled(): void {
      last = null;
    },
  };
}

/**
 * Worth another try: the request never got an answer (the network failed) or the server said it
 * could not reach its database (502–504). Refusals (4xx) and GraphQL errors are final; an abort
 * is the caller's wish.
 */
export function isRetryableFailure(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, statusCode } = error as { name?: string; statusCode?: number };
  if (name === 'AbortError') return false;
  if (statusCode === undefined) return true;
  return statusCode === 502 || statusCode === 503 || statusCode === 504;
}

function idempotencyKeyOf(operation: Pick<Operation, 'variables'>): string | undefined {
  const key = operation.variables?.idempotencyKey;
  return typeof key === 'string' && key ? key : undefined;
}

/** Only requests that carry an idempotency key are repeated: the server applies them at most once. */
export function shouldRetry(attempt: number, operation: Pick<Operation, 'variables'>, error: unknown): boolean {
  return attempt < MAX_ATTEMPTS && !!idempotencyKeyOf(operation) && isRetryableFailure(error);
}

/** Exponential backoff with jitter: 400 ms, 800 ms, 1.6 s … at most 4 s, each ±25 %. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Repeats keyed mutations after a network failure; the variables, and so the key, stay the same. */
export function idempotentRetryLink(delay: (attempt: number) => number = retryDelay): RetryLink {
  return new RetryLink({ attempts: shouldRetry, delay: (attempt) => delay(attempt) });
}
