/**
 * In-memory ETag cache for conditional GETs. GitHub does not count a 304
 * against the rate limit, so polling views (reviews, checks) stay cheap.
 * Keyed by URL + Accept + token identity (a hash, never the token), so one
 * account never sees another's cached data. Bounded: oldest entries go first.
 */
export interface CachedResponse {
  etag: string;
  status: number;
  headers: [string, string][];
  body: string;
}

export class EtagCache {
  private readonly entries = new Map<string, CachedResponse>();

  constructor(private readonly maxEntries = 500) {}

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh recency (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedResponse): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
