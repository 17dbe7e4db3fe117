/**
 * A small least-recently-used map. Process-local caches are exact only where this process
 * sees every write (the embedded database serves one process); callers decide when to use one.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}

/** Memoizes `load` per key in `cache` (when there is one), forgetting a failed load. */
export function cached<K, V>(
  cache: Lru<K, Promise<V>> | undefined,
  key: K,
  load: () => Promise<V>,
): Promise<V> {
  if (!cache) return load();
  let hit = cache.get(key);
  if (!hit) {
    hit = load();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
