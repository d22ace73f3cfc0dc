import { isUuid } from '../../kernel/ids.js';
import { LeadOrder } from './lead.types.js';

/** Position of a row in one ordering: the values of its sort key. */
export type Cursor =
  | { order: LeadOrder.SCORE_DESC; score: number; createdAt: Date; id: string }
  | { order: LeadOrder.CREATED_DESC; createdAt: Date; id: string };

const TAG = { [LeadOrder.SCORE_DESC]: 's', [LeadOrder.CREATED_DESC]: 'c' } as const;

/** A real cursor is under 100 characters; anything much longer is not worth decoding. */
const MAX_CURSOR_LENGTH = 200;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const MIN_SCORE = 0;
const MAX_SCORE = 100;
/**
 * created_at is set by the server when a lead is stored, so a real cursor's time lies between 1970
 * and 9999 (the years ISO dates write with four digits). Anything else is forged, and would fail
 * in the driver or in PostgreSQL (an internal error) were it sent.
 */
const MIN_CURSOR_TIME = 0;
const MAX_CURSOR_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The sort key as a JSON array, base64url-encoded. Written out rather than `JSON.stringify`: every
 * row of a page gets one, and the values need no escaping (a tag, integers, a UUID).
 */
export function encodeCursor(order: LeadOrder, row: { score: number; createdAt: Date; id: string }): string {
  const key = order === LeadOrder.SCORE_DESC ? `["s",${row.score},${row.createdAt.getTime()},"${row.id}"]` : `["c",${row.createdAt.getTime()},"${row.id}"]`;
  if (key.length > scratch.length) return Buffer.from(key, 'latin1').toString('base64url');
  // encoded in one reused buffer: no Buffer object per row
  const length = scratch.write(key, 0, 'latin1');
  return scratch.toString('base64url', 0, length);
}

const scratch = Buffer.allocUnsafe(MAX_CURSOR_LENGTH);

function isScore(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_SCORE && (value as number) <= MAX_SCORE;
}

function isTime(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_CURSOR_TIME && (value as number) <= MAX_CURSOR_TIME;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && isUuid(value);
}

/**
 * Null when the text is not a cursor of this ordering, including a well-formed one whose values
 * no row can have: the caller answers INVALID_CURSOR instead of sending them to the database.
 */
export function decodeCursor(order: LeadOrder, text: string): Cursor | null {
  if (text.length > MAX_CURSOR_LENGTH || !BASE64URL.test(text)) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key[0] !== TAG[order]) return null;
  if (order === LeadOrder.SCORE_DESC) {
    const [, score, time, id] = key;
    if (key.length !== 4 || !isScore(score) || !isTime(time) || !isId(id)) return null;
    return { order, score, createdAt: new Date(time), id };
  }
  const [, time, id] = key;
  if (key.length !== 3 || !isTime(time) || !isId(id)) return null;
  return { order, createdAt: new Date(time), id };
}
