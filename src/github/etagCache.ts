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

  /** Entries oldest first, for persisting between CLI runs (keys hold a token hash, never a token). */
  toJSON(): { version: 1; entries: [string, CachedResponse][] } {
    return { version: 1, entries: [...this.entries] };
  }

  /** Restores entries written by toJSON(); anything malformed is skipped (a cache may be lost, never trusted blindly). */
  load(data: unknown): number {
    const entries = (data as { version?: unknown; entries?: unknown } | null)?.entries;
    if ((data as { version?: unknown } | null)?.version !== 1 || !Array.isArray(entries)) return 0;
    let loaded = 0;
    for (const e of entries as unknown[]) {
      if (!Array.isArray(e) || typeof e[0] !== 'string' || !isCachedResponse(e[1])) continue;
      this.set(e[0], e[1]);
      loaded++;
    }
    return loaded;
  }

  get size(): number {
    return this.entries.size;
  }
}

function isCachedResponse(v: unknown): v is CachedResponse {
  const r = v as CachedResponse | null;
  return !!r && typeof r.etag === 'string' && typeof r.status === 'number' && typeof r.body === 'string' && Array.isArray(r.headers);
}
