/**
 * Skills seen on the jobs the user opened, so the options page can suggest them for the profile.
 * Bounded (most recently seen first), in storage.local: it is a hint, not a setting worth syncing.
 */
import * as z from "zod/mini";
import { extensionStorage, type StorageAreaLike } from "./settings-layout";

export const SEEN_SKILLS_KEY = "seenSkills";
export const MAX_SEEN_SKILLS = 200;
const MAX_SKILL_LENGTH = 60;

interface SeenSkill {
  name: string;
  count: number;
  /** Last seen, ms since epoch. */
  last: number;
}

const StoredSkill = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(MAX_SKILL_LENGTH)),
  count: z.int().check(z.gte(1)),
  last: z.number(),
});

/** The stored list, entry by entry: a bad entry is dropped, never the whole list. */
function readList(value: unknown): SeenSkill[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((e) => {
    const checked = StoredSkill.safeParse(e);
    return checked.success ? [checked.data] : [];
  });
}

const normal = (s: string) => s.replace(/\s+/g, " ").trim();

let queue: Promise<unknown> = Promise.resolve();

/**
 * Adds the skills of one opened job. Case-insensitive duplicates merge (the first spelling stays);
 * the least recently seen are dropped past MAX_SEEN_SKILLS. Never throws into the caller.
 */
export function recordSeenSkills(
  skills: readonly string[],
  local: StorageAreaLike = extensionStorage().local,
): Promise<void> {
  const names = [
    ...new Map(
      skills
        .filter((s) => typeof s === "string")
        .map(normal)
        .filter((s) => s && s.length <= MAX_SKILL_LENGTH)
        .map((s) => [s.toLowerCase(), s]),
    ).values(),
  ];
  if (names.length === 0) return Promise.resolve();
  const run = queue.then(async () => {
    const list = readList((await local.get(SEEN_SKILLS_KEY))[SEEN_SKILLS_KEY]);
    const now = Date.now();
    for (const name of names) {
      const found = list.find((e) => e.name.toLowerCase() === name.toLowerCase());
      if (found) ((found.count += 1), (found.last = now));
      else list.push({ name, count: 1, last: now });
    }
    list.sort((a, b) => b.last - a.last || b.count - a.count);
    await local.set({ [SEEN_SKILLS_KEY]: list.slice(0, MAX_SEEN_SKILLS) });
  });
  queue = run.catch(() => undefined);
  return run.catch((e) => console.warn("[invitewise] seen skills not recorded", e));
}

/** Skill names, most often seen first (ties: most recent first). */
export async function readSeenSkills(local: StorageAreaLike = extensionStorage().local): Promise<string[]> {
  const list = readList((await local.get(SEEN_SKILLS_KEY))[SEEN_SKILLS_KEY]);
  return list.sort((a, b) => b.count - a.count || b.last - a.last).map((e) => e.name);
}
