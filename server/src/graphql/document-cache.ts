import type { DocumentNode } from 'graphql';

/** Counters across every cache of this process (tests read them). */
export const documentCacheStats = { hits: 0, misses: 0 };

/**
 * Parsed and validated subscription documents by their text, most recently used kept. Every socket
 * of a dashboard or partner tool subscribes with the same few documents: each parsed and validated
 * them anew (CPU on every reconnect, a storm of them after a deploy), and kept its own syntax tree
 * for as long as it stayed subscribed. Validation depends only on the schema and the rules, not on
 * the caller, so a document valid once is valid for everyone. Only valid documents are kept, and
 * only texts up to `maxQueryLength`: what a hostile client can make this hold is bounded by
 * `maxEntries` × `maxQueryLength` characters.
 */
export class DocumentCache {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(
    private readonly maxEntries = 256,
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

  /** Keeps a document that passed validation. */
  set(query: string, document: DocumentNode): void {
    if (query.length > this.maxQueryLength) return;
    if (this.documents.size >= this.maxEntries) this.documents.delete(this.documents.keys().next().value!);
    this.documents.set(query, document);
  }

  get size(): number {
    return this.documents.size;
  }
}
