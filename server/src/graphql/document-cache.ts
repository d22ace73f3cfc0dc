import type { DocumentNode } from 'graphql';

/** Counters across every cache of this process (tests read them). */
export const documentCacheStats = { hits: 0, misses: 0 };

/**
 * Parsed and validated subscription documents by their text, most recently used kept. Every socket
 * of a dashboard or partner tool subscribes with the same few documents: each parsed and validated
 * them anew (CPU on every reconnect, a storm of them after a deploy), and kept its own syntax tree
 * for as long as it stayed subscribed. Validation depends only on the schema and the rules, not on
 * the caller, so a document valid once is valid for everyone. Only valid documents are kept.
 *
 * A syntax tree holds about 70 bytes per character of its text (its tokens are kept for error
 * locations): a 5 kB document is some 360 kB. So what a hostile client can make this hold is bounded
 * by the characters of all texts kept (`maxChars`, 256 k: under 20 MB of trees), not only by their
 * number; the app's own subscriptions are a few hundred characters each.
 */
export class DocumentCache {
  private readonly documents = new Map<string, DocumentNode>();
  private chars = 0;

  constructor(
    private readonly maxEntries = 256,
    private readonly maxChars = 256 * 1024,
    private readonly maxQueryLength = 16 * 1024,
  ) {}

  get(query: string): DocumentNode | undefined {
    const document = this.documents.get(query);
    if (!document) {
      documentCacheStats.misses++;
      return undefined;
    }
    documentCacheStats.hits++;
    // most recently used last: the first key is the one to evict
    this.documents.delete(query);
    this.documents.set(query, document);
    return document;
  }

  /** Keeps a document that passed validation, evicting the least recently used to make room. */
  set(query: string, document: DocumentNode): void {
    if (this.documents.has(query) || query.length > this.maxQueryLength) return;
    while (this.documents.size && (this.documents.size >= this.maxEntries || this.chars + query.length > this.maxChars)) {
      const oldest = this.documents.keys().next().value!;
      this.documents.delete(oldest);
      this.chars -= oldest.length;
    }
    this.documents.set(query, document);
    this.chars += query.length;
  }

  get size(): number {
    return this.documents.size;
  }

  /** Characters of the texts kept. */
  get characters(): number {
    return this.chars;
  }
}
