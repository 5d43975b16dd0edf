/**
 * The anchor resolver: tries a field's anchors in order (attribute selectors newest first, then
 * visible label text, then structure) and returns the value the first one found.
 */
import { qs, qsa, visibleText } from "./dom";

/**
 * An anchor is one of:
 * - an attribute/structure selector (a string);
 * - a selector whose matched element's closest `up` ancestor is read instead;
 * - a visible-label regex run over the section's visible text; group 1 (else the match) is parsed.
 */
export type SelectorAnchor = string | { sel: string; up: string };
export type Anchor = SelectorAnchor | RegExp;

/** A scope is a section of the page; its visible text is computed once. */
export class Scope {
  private t?: string;
  /** `until`: the text is cut where it matches (e.g. where the next section's heading begins). */
  constructor(
    readonly el: Element | null,
    private readonly until?: RegExp,
  ) {}
  get text(): string {
    if (this.t === undefined) {
      const t = visibleText(this.el) ?? "";
      this.t = this.until ? t.split(this.until)[0]! : t;
    }
    return this.t;
  }
}

/** The elements a selector anchor finds under root (`up`: their closest such ancestor, kept inside root). */
function hits(root: Element | null, a: SelectorAnchor): Element[] {
  return typeof a === "string"
    ? qsa(root, a)
    : qsa(root, a.sel)
        .map((hit) => hit.closest(a.up))
        .filter((el): el is Element => !!el && root!.contains(el));
}

/** Told which anchor gave a value (field health: a field read through a fallback is reported). */
let onHit: ((index: number, anchor: Anchor) => void) | null = null;

/** The first value a field's anchors give, else null. */
export function resolve<T>(scope: Scope, anchors: readonly Anchor[], parse: (text: string) => T | null): T | null {
  if (!scope.el) return null;
  for (const [i, a] of anchors.entries()) {
    let v: T | null = null;
    if (a instanceof RegExp) {
      const m = a.exec(scope.text);
      v = m ? parse(m[1] ?? m[0]) : null;
    } else {
      for (const el of hits(scope.el, a)) {
        const text = visibleText(el);
        if ((v = text == null ? null : parse(text)) != null) break;
      }
    }
    if (v != null) {
      onHit?.(i, a);
      return v;
    }
  }
  return null;
}

/** An anchor as diagnostics name it: the selector, or "label /…/" for a visible-label pattern. */
const anchorName = (a: Anchor) => (a instanceof RegExp ? `label /${a.source}/` : typeof a === "string" ? a : a.sel);

/** The first element any selector anchor finds (labels are not used for elements). */
export function resolveElement(root: ParentNode | null, anchors: readonly Anchor[]): Element | null {
  for (const a of anchors) {
    if (a instanceof RegExp) continue;
    const el =
      typeof a === "string"
        ? qs(root, a)
        : qsa(root, a.sel)
            .map((hit) => hit.closest(a.up))
            .find((e) => e);
    if (el) return el;
  }
  return null;
}

type Fields<T> = { [K in keyof T]: () => T[K] | null };

/** Collects `missing` paths and warnings while a parser runs; one failing field never stops the others. */
export class Ctx {
  readonly missing: string[] = [];
  readonly warnings: string[] = [];
  /** Which anchor gave each field read through the anchor tables (path → selector or label). */
  readonly anchors: Record<string, string> = {};
  /** Fields read through a fallback: not their table's first anchor. */
  readonly fallbacks: string[] = [];
  constructor(readonly now: Date) {}

  /** Runs `fn`, crediting the anchors it resolves to the given fields (the first anchor found per field). */
  track<T>(paths: string | readonly string[], fn: () => T): T {
    const outer = onHit;
    onHit = (i, a) => {
      for (const p of typeof paths === "string" ? [paths] : paths) {
        if (p in this.anchors) continue;
        this.anchors[p] = anchorName(a);
        if (i > 0) this.fallbacks.push(p);
      }
    };
    try {
      return fn();
    } finally {
      onHit = outer;
    }
  }

  /** Runs a field read; a thrown error becomes a warning and the field null. */
  read<T>(path: string, fn: () => T | null): T | null {
    let v: T | null = null;
    try {
      v = this.track(path, fn);
    } catch (e) {
      this.warn(path, (e as Error)?.message ?? String(e));
    }
    if (v == null || (Array.isArray(v) && v.length === 0)) {
      this.missing.push(path);
      delete this.anchors[path];
    }
    return v;
  }

  /**
   * Reads a record's fields in order as `${p}.${key}`; the fields named in `lists` are lists
   * ([] when nothing was found).
   */
  fields<T>(p: string, spec: Fields<T>, lists: readonly string[] = []): T {
    const out: Record<string, unknown> = {};
    for (const k in spec) out[k] = this.read(`${p}.${k}`, spec[k]) ?? (lists.includes(k) ? [] : null);
    return out as T;
  }

  /** A warning for bug reports, one uniform shape: "<path>: <what>" (e.g. "client: section not found"). */
  warn(path: string, what: string): void {
    this.warnings.push(`${path}: ${what}`);
  }
}
