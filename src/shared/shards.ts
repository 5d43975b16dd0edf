/**
 * A keyed collection spread over a fixed number of storage items ("shards", `<prefix>:<n>`), so that
 * changing one key rewrites the one item holding it, not the whole collection. The record cache's
 * index and the invitation log are kept so. The hash is part of the stored layout: changing it (or a
 * collection's count) moves keys between items, so it never changes without a migration.
 */
export function shardOf(key: string, count: number): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return (h >>> 0) % count;
}

/** The storage keys of a collection's shards, in shard order. */
export const shardKeys = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, n) => `${prefix}:${n}`);
