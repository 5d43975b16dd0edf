/**
 * The options page shows one section at a time, chosen by the address's hash (`#rates`,
 * `#diagnostics`…), so a section can be linked to and Back/Forward move between sections.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { SECTION_TITLE } from "../shared/words/options";

/** In the order a first run fills them: rates and minimums, then who you are, then the rest. */
export const SECTIONS = [
  { id: "rates", title: SECTION_TITLE.rates, settings: true },
  { id: "profile", title: SECTION_TITLE.profile, settings: true },
  { id: "templates", title: SECTION_TITLE.templates, settings: true },
  { id: "scoring", title: SECTION_TITLE.scoring, settings: true },
  { id: "backup", title: SECTION_TITLE.backup, settings: false },
  { id: "diagnostics", title: SECTION_TITLE.diagnostics, settings: false },
] as const;

export type SectionId = (typeof SECTIONS)[number]["id"];
/** The sections whose fields belong to the settings form (and its save bar). */
export type SettingsSectionId = Extract<(typeof SECTIONS)[number], { settings: true }>["id"];

export const DEFAULT_SECTION: SectionId = "rates";
/** Addresses from before the page had one section at a time, and the privacy policy (under Export and import). */
const ALIASES: Record<string, SectionId> = { "import-export": "backup", privacy: "backup" };

/** Each section's heading (its words are the nav's), where focus goes when the section is shown. */
export const headingId = (section: SectionId) => `${section}-title`;
export const titleOf = (section: SectionId) => SECTIONS.find((s) => s.id === section)!.title;

export const isSettingsSection = (id: string): id is SettingsSectionId =>
  SECTIONS.some((s) => s.id === id && s.settings);

/** The settings section of a dotted settings path ("scoring.weights.hireRate" → "scoring"), if any. */
export function sectionOfPath(path: string): SettingsSectionId | null {
  const head = path.split(".")[0] ?? "";
  return isSettingsSection(head) ? head : null;
}

export interface Route {
  section: SectionId;
  /** A field's id (`#f-rates-hourly`): shown in its section, with focus. */
  field?: string;
}

/** What a hash shows; null for one that names no section or field (the page stays where it is). */
export function routeOf(hash: string): Route | null {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ""));
  } catch {
    return null;
  }
  const section = SECTIONS.find((s) => s.id === id)?.id ?? ALIASES[id];
  if (section) return { section };
  const field = /^f-([a-z]+)-/.exec(id)?.[1];
  return field && isSettingsSection(field) ? { section: field, field: id } : null;
}

interface Shown {
  section: SectionId;
  /** The element to focus once the section is shown; null: leave focus alone (first load). */
  focus: string | null;
  /** Counts navigations, so going to the section already shown still moves focus. */
  n: number;
}

/**
 * The section shown, from the hash, and `go` to show another. Going pushes the section's hash
 * (one history entry per section); `hashchange` follows Back, Forward and typed addresses.
 */
export function useSectionRoute(): { shown: Shown; go(section: SectionId, focus?: string): void } {
  const [shown, setShown] = useState<Shown>(() => {
    const route = routeOf(location.hash);
    // A link to a field focuses it; a link to a section leaves focus at the top of the page.
    return { section: route?.section ?? DEFAULT_SECTION, focus: route?.field ?? null, n: 0 };
  });
  // What `go` asked to focus, for the hashchange it causes.
  const asked = useRef<string | null>(null);

  useEffect(() => {
    const follow = () => {
      const route = routeOf(location.hash);
      const focus = asked.current ?? route?.field ?? (route ? headingId(route.section) : null);
      asked.current = null;
      if (route) setShown((s) => ({ section: route.section, focus, n: s.n + 1 }));
    };
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);

  const go = useCallback((section: SectionId, focus?: string) => {
    if (location.hash === `#${section}`) {
      setShown((s) => ({ section, focus: focus ?? headingId(section), n: s.n + 1 }));
    } else {
      asked.current = focus ?? null;
      location.hash = section;
    }
  }, []);

  return { shown, go };
}
