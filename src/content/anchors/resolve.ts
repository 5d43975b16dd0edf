/**
 * The anchor resolver: tries a field's anchors in order (attribute selectors newest first, then
 * visible label text, then structure) and returns the value with the anchor that found it.
 */
import { qsa, visibleText } from "./dom";

/** An attribute/structure selector. `up` reads the matched element's closest ancestor instead. */
export interface SelectorAnchor {
  sel: string;
  up?: string;
  /** When the markup was seen, and when a legacy entry may be dropped. */
  seen?: string;
  dropAfter?: string;
}
/** A visible-label regex run over the section's visible text; group 1 (else the match) is parsed. */
export interface LabelAnchor {
  label: RegExp;
}
export type Anchor = SelectorAnchor | LabelAnchor;

/** A scope is a section of the page; its visible text is computed once. */
export class Scope {
  private textCache: string | null | undefined;
  /** `until`: the text is cut where it matches (e.g. where the next section's heading begins). */
  constructor(
    readonly el: Element | null,
    private readonly until?: RegExp,
  ) {}
  get text(): string {
    if (this.textCache === undefined) {
      const t = visibleText(this.el);
      this.textCache = t && this.until ? t.split(this.until)[0]! : t;
    }
    return this.textCache ?? "";
  }
}

export interface Resolved<T> {
  value: T | null;
  via: string | null;
}

export function resolve<T>(scope: Scope, anchors: readonly Anchor[], parse: (text: string, el: Element | null) => T | null): Resolved<T> {
  if (!scope.el) return { value: null, via: null };
  for (const a of anchors) {
    if ("sel" in a) {
      for (const hit of qsa(scope.el, a.sel)) {
        const el = a.up ? hit.closest(a.up) : hit;
        if (!el || !scope.el.contains(el)) continue;
        const text = visibleText(el);
        if (text == null) continue;
        const v = parse(text, el);
        if (v != null) return { value: v, via: a.sel };
      }
    } else {
      const m = a.label.exec(scope.text);
      if (m) {
        const v = parse(m[1] ?? m[0], null);
        if (v != null) return { value: v, via: String(a.label) };
      }
    }
  }
  return { value: null, via: null };
}

/** The first element any selector anchor finds (labels are not used for elements). */
export function resolveElement(root: ParentNode | null, anchors: readonly Anchor[]): Element | null {
  for (const a of anchors) {
    if (!("sel" in a)) continue;
    for (const hit of qsa(root, a.sel)) {
      const el = a.up ? hit.closest(a.up) : hit;
      if (el) return el;
    }
  }
  return null;
}

/** Collects `missing` paths and warnings while a parser runs; one failing field never stops the others. */
export class Ctx {
  readonly missing: string[] = [];
  readonly warnings: string[] = [];
  constructor(readonly now: Date) {}

  /** Runs a field read; a thrown error becomes a warning and the field null. */
  read<T>(path: string, fn: () => T | null): T | null {
    let v: T | null = null;
    try {
      v = fn();
    } catch (e) {
      this.warnings.push(`${path}: ${(e as Error)?.message ?? String(e)}`);
      v = null;
    }
    if (v == null || (Array.isArray(v) && v.length === 0)) this.missing.push(path);
    return v;
  }

  /** Like read, for lists: [] when nothing was found. */
  list<T>(path: string, fn: () => T[]): T[] {
    return this.read(path, fn) ?? [];
  }

  warn(text: string): void {
    this.warnings.push(text);
  }
}
