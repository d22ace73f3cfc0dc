import { Entity, ManyToOne, PrimaryKey, Property, t, type Rel, OptionalProps } from '@mikro-orm/core';
import { User } from './user.entity.js';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
@Entity({ tableName: 'session' })
export class Session {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: t.string, length: 64 })
  tokenHash!: string;

  /** indexed: a user's sessions are ended together (deactivation, a new password) */
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: Rel<User>;

  @Property({ type: t.datetime, length: 3 })
  createdAt: Date = new Date();

  @Property({ type: t.datetime, length: 3, index: true })
  expiresAt!: Date;
}
