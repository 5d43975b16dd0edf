/**
 * Validation field by field (issue: one bad field never costs the rest of the page). A parsed page
 * from the content script or a saved file is checked against its schema; a field that fails — a
 * figure outside its plausible range, a malformed date — is dropped to null (a list item that cannot
 * be null is removed), named in `missing` and explained in `warnings`, and everything else is kept.
 */
import { ParsedPage } from "./records";

type Path = PropertyKey[];

/** Where the page was repaired, for `warnings`: "client.totalSpent: Too big: expected number to be <1000000000". */
const dotted = (path: Path) =>
  path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");

/** At most this many repairs: a page that needs more is not the page we expect at all. */
const MAX_ROUNDS = 50;

export function repairParsed(input: unknown): { ok: true; parsed: ParsedPage } | { ok: false; error: string } {
  let page: unknown;
  try {
    page = structuredClone(input);
  } catch {
    return { ok: false, error: "not a parsed page" };
  }
  const notes: string[] = [];
  const dropped: string[] = [];
  const nulled = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const checked = ParsedPage.safeParse(page);
    if (checked.success) {
      const parsed = checked.data;
      return {
        ok: true,
        parsed: {
          ...parsed,
          missing: [...parsed.missing, ...dropped.filter((d) => !parsed.missing.includes(d))],
          warnings: [...parsed.warnings, ...notes],
        },
      };
    }
    const issue = checked.error.issues[0]!;
    // Only a field of the record can be dropped; the page's own shape (its kind, its lists of names) cannot.
    let path: Path = issue.path.slice();
    if (path[0] !== "record" || path.length < 3)
      return { ok: false, error: `record does not match the schema: ${dotted(path) || "(root)"}: ${issue.message}` };
    // A field already set to null that still fails cannot be null: drop what holds it instead.
    while (nulled.has(dotted(path)) && path.length > 2) path = path.slice(0, -1);
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)?.[k], page) as
      Record<PropertyKey, unknown> | unknown[] | undefined;
    const key = path.at(-1)!;
    if (!parent || typeof parent !== "object")
      return { ok: false, error: `record does not match the schema: ${dotted(path)}: ${issue.message}` };
    const field = dotted(path.slice(1));
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else {
      parent[key] = null;
      nulled.add(dotted(path));
    }
    notes.push(`${field}: ${issue.message} (value dropped)`);
    dropped.push(field.replace(/\[\d+\]$/, ""));
  }
  return { ok: false, error: "record does not match the schema: too many bad fields" };
}
