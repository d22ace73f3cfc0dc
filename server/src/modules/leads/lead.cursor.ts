import { isUuid } from '../../ids.js';
import { LeadOrder } from './lead.types.js';

/** Position of a row in one ordering: the values of its sort key. */
export type Cursor =
  | { order: LeadOrder.SCORE_DESC; score: number; createdAt: Date; id: string }
  | { order: LeadOrder.CREATED_DESC; createdAt: Date; id: string };

const TAG = { [LeadOrder.SCORE_DESC]: 's', [LeadOrder.CREATED_DESC]: 'c' } as const;

export function encodeCursor(order: LeadOrder, row: { score: number; createdAt: Date; id: string }): string {
  const key = order === LeadOrder.SCORE_DESC ? [TAG[order], row.score, row.createdAt.getTime(), row.id] : [TAG[order], row.createdAt.getTime(), row.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Null when the text is not a cursor of this ordering. */
export function decodeCursor(order: LeadOrder, text: string): Cursor | null {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key[0] !== TAG[order]) return null;
  if (order === LeadOrder.SCORE_DESC) {
    const [, score, time, id] = key;
    if (!Number.isInteger(score) || !Number.isInteger(time) || typeof id !== 'string' || !isUuid(id)) return null;
    return { order, score, createdAt: new Date(time), id };
  }
  const [, time, id] = key;
  if (!Number.isInteger(time) || typeof id !== 'string' || !isUuid(id)) return null;
  return { order, createdAt: new Date(time), id };
}
