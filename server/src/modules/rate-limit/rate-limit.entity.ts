import { Entity, PrimaryKey, Property, t } from '@mikro-orm/core';

/**
 * One fixed-window counter, shared by every server process. Not tenant-scoped: sign-in is counted
 * before any tenant is known. The key is the SHA-256 of the key text, so an email of any length
 * takes 64 characters. Read and written by hand-written statements only (rate-limiter.ts).
 */
@Entity({ tableName: 'rate_limit' })
export class RateLimit {
  @PrimaryKey({ type: t.string, length: 64 })
  key!: string;

  /** attempts (or characters, for size limits) counted in this window */
  @Property({ type: t.integer })
  hits!: number;

  // expired rows are swept oldest first
  @Property({ type: t.datetime, length: 3, index: true })
  windowEndsAt!: Date;
}
