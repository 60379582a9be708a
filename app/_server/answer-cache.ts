/**
 * A bounded memo of HTTP answers, least recently used out first: the API builds each distinct
 * query's answer once (its bytes and ETag) and serves the same bytes after. Bounded by count and
 * by bytes, because the keys come from URLs anyone can write.
 */

export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

export class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** The answer for `key`, made by `make` on a miss and kept unless it alone is over the byte bound. */
  get(key: string, make: () => CachedAnswer): CachedAnswer {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const answer = make();
    if (answer.body.byteLength > this.maxBytes) return answer;
    this.entries.set(key, answer);
    this.bytes += answer.body.byteLength;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.byteLength;
    }
    return answer;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
