/**
 * A month of SAMPLE invitation history for the demo's Insights screenshots and the page's browser
 * tests: made up, deterministic (a fixed seed), stored with `sample: true` so the page says so. The
 * first invitations are the sample pages' own (their titles); the rest are plausible variations.
 * Never part of the extension: the demo writes it into the extension's storage from outside.
 */
import type { LogEntry } from "../src/shared/invitation-log";
import { FACTOR_IDS } from "../src/shared/settings";

const HOUR = 3600 * 1000;

/** Titles from the sample pages first, then ones a React / React Native freelancer is invited to. */
const TITLES = [
  "Build a Shopify inventory sync app (React + Node)",
  "React Native developer for a pet-care booking app",
  "Fix checkout bug in Vue storefront",
  "Expo app performance audit",
  "Next.js dashboard for a logistics startup",
  "GraphQL API for a recipe platform",
  "Landing page refresh in Astro",
  "React Native: offline sync for a field-service app",
  "Migrate a CRA app to Vite and React 19",
  "TypeScript cleanup of a payments SDK",
  "Stripe subscriptions in an Expo app",
  "Quick WordPress theme fix",
  "Senior React engineer for a fintech dashboard",
  "Data entry into a spreadsheet",
  "Mobile app MVP for a fitness studio",
  "Push notifications for a React Native app",
];

/** mulberry32: a small seeded generator, so the demo looks the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` invitations over the 30 days before `now`. */
export function sampleHistory(now: Date, count = 46): LogEntry[] {
  const rnd = random(20261202);
  const iso = (t: number) => new Date(Math.min(t, now.getTime())).toISOString();
  const entries: LogEntry[] = [];
  for (let i = 0; i < count; i++) {
    const received = now.getTime() - (30 * 24 * HOUR * (count - i)) / count - rnd() * 6 * HOUR;
    const seen = received + rnd() * 3 * HOUR;
    const score = Math.round(Math.min(96, Math.max(8, 20 + rnd() * 75)));
    const factors = Object.fromEntries(
      FACTOR_IDS.map((id) => {
        // Hire rate and spend follow the score closely, the rest loosely: what the page should find.
        const follow = id === "hireRate" || id === "totalSpent" ? 0.85 : 0.35;
        const share = follow * (score / 100) + (1 - follow) * rnd();
        return [id, Math.round(Math.min(1, Math.max(0, share)) * 100) / 100];
      }),
    );
    // The user accepts from about 50 up and declines below, with a few exceptions either way.
    const unanswered = now.getTime() - received < 20 * HOUR ? rnd() < 0.7 : rnd() < 0.08;
    const accepts = score >= 50 ? rnd() < 0.9 : rnd() < 0.12;
    // Most replies within a few hours; some the next day.
    const after = (rnd() < 0.85 ? 0.3 + rnd() * 9 : 24 + rnd() * 30) * HOUR;
    const reply = unanswered
      ? null
      : {
          kind: accepts ? ("accepted" as const) : ("declined" as const),
          at: iso(seen + after),
          source: "mark" as const,
        };
    const r = rnd();
    const outcome =
      reply?.kind === "accepted" && now.getTime() - received > 4 * 24 * HOUR
        ? r < (score >= 70 ? 0.35 : 0.12)
          ? { kind: "hired" as const, at: iso(received + 5 * 24 * HOUR), source: "user" as const }
          : r < (score >= 70 ? 0.6 : 0.3)
            ? { kind: "offer" as const, at: iso(received + 3 * 24 * HOUR), source: "page" as const }
            : r < 0.8
              ? { kind: "not-hired" as const, at: iso(received + 7 * 24 * HOUR), source: "user" as const }
              : null
        : null;
    entries.push({
      id: String(2093300000000000000n + BigInt(i * 7919)),
      title: TITLES[i % TITLES.length]!,
      receivedAt: iso(received),
      firstSeenAt: iso(seen),
      openedAt: reply ? iso(seen + after / 2) : null,
      fit: {
        score,
        confidence: Math.round((0.55 + rnd() * 0.4) * 100) / 100,
        provisional: false,
        factors,
        at: iso(seen),
      },
      reply,
      outcome,
    });
  }
  return entries;
}
