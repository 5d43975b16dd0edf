/**
 * The DOM layer: every raw query the parsers need goes through here. Only standard DOM APIs that
 * Chromium and happy-dom both implement (no innerText, no layout).
 */
import { clean, cleanLines } from "../parse/values";

/** Text a reader never sees as part of a value: screen-reader-only, tooltips/poppers, code, icons, buttons. */
const HIDDEN =
  "script, style, template, noscript, svg, button, .sr-only, .air3-popper, .air3-tooltip, [data-test='popper'], [role='tooltip'], [hidden]";
// One `matches` per element rather than a tag, class and attribute test each: in a content script
// every DOM call crosses into the isolated world, and this runs for every element of every read.
const HIDDEN_OR_SHORT = `${HIDDEN}, .d-lg-none, .d-none`;
/** Whether a breakpoint class shows a `.d-none` element at some width (`d-lg-inline`, `d-md-block`…). */
const BREAKPOINTS = new Set(["sm", "md", "lg", "xl", "xxl"]);
const shownAtSomeWidth = (el: Element) =>
  [...el.classList].some((c) => {
    const [d, breakpoint, display] = c.split("-");
    return d === "d" && BREAKPOINTS.has(breakpoint!) && !!display && display !== "none";
  });
function isHidden(el: Element): boolean {
  if (!el.matches(HIDDEN_OR_SHORT)) return false;
  if (el.matches(HIDDEN)) return true;
  // `.d-none` alone is never displayed (Upwork's list keeps a row's decline reason in one).
  if (el.classList.contains("d-none") && !shownAtSomeWidth(el)) return true;
  if (!el.classList.contains("d-lg-none")) return false;
  // Responsive pairs: long `.d-none.d-lg-inline` + short `.d-lg-none`. Keep the long one when both exist.
  for (const sib of el.parentElement?.children ?? [])
    if (sib !== el && sib.classList.contains("d-lg-inline")) return true;
  return false;
}

const TEXT_BLOCKS = new Set("P DIV LI TR SECTION".split(" "));
const LINE_BLOCKS = new Set("P DIV LI UL OL SECTION H1 H2 H3 H4 H5 H6".split(" "));
/**
 * Whether an element keeps its source's line breaks. A saved page run through a code formatter
 * puts the text on its own indented lines: those breaks are the formatter's, not the author's.
 */
const isPre = (e: Element) =>
  (e.tagName === "PRE" || e.classList.contains("text-pre-line") || e.classList.contains("multiline-text")) &&
  !/^[^\S\n]*\n[^\S\n]{2,}\S/.test(firstText(e));

/** The element's first text node's opening (its own words, not a copy of everything under it). */
function firstText(e: Element): string {
  for (let n = e.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 3 && /\S/.test(n.nodeValue!)) return n.nodeValue!.slice(0, 200);
  return "";
}

/**
 * Collects the visible text under `node`. `lines`: blocks and `<br>` become "\n", and inside `pre`
 * (Upwork's `.text-pre-line` and 2026's `.multiline-text`, CSS white-space: pre-line/pre-wrap) the source's newlines are kept.
 */
function collect(node: Node, out: string[], lines: boolean, pre: boolean): void {
  const sep = lines ? "\n" : " ";
  // An explicit stack, not recursion: a hostile page may nest thousands of elements deep. Each
  // frame walks one element's children by sibling pointers and closes with its block separator.
  const stack: Array<{ next: ChildNode | null; pre: boolean; close: string }> = [
    { next: node.firstChild, pre, close: "" },
  ];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const child = frame.next;
    if (!child) {
      out.push(frame.close);
      stack.pop();
      continue;
    }
    frame.next = child.nextSibling;
    if (child.nodeType === 3) {
      const v = child.nodeValue ?? "";
      out.push(lines ? v.replace(frame.pre ? /[^\S\n]+/g : /\s+/g, " ") : v);
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (isHidden(el)) continue;
      const tag = el.tagName;
      if (tag === "BR") {
        out.push(sep);
        continue;
      }
      const close = (lines ? LINE_BLOCKS : TEXT_BLOCKS).has(tag) ? sep : "";
      out.push(close);
      // An element holding only text: its textContent is exactly what the walk would collect.
      if (!lines && !el.firstElementChild) out.push(el.textContent ?? "", close);
      else stack.push({ next: el.firstChild, pre: frame.pre || (lines && isPre(el)), close });
    }
  }
}

/** Visible texts of this parse, by element (parsers read the same sections and rows many times). */
let texts = new WeakMap<Element, string | null>();
/** Own texts (direct text nodes, whitespace collapsed) of this parse. */
let owns = new WeakMap<Element, string>();
/** Forgets the texts read so far: the page may have changed since the last parse. */
export function resetTexts(): void {
  texts = new WeakMap();
  owns = new WeakMap();
}

/** What makes an element's visible text differ from its textContent: hidden parts, blocks, breaks. */
const NOT_PLAIN = `${HIDDEN_OR_SHORT}, ${[...TEXT_BLOCKS].join(", ")}, br`;

/** Visible text of an element, whitespace collapsed; null when empty. The root itself is always read. */
export function visibleText(el: Element | null | undefined): string | null {
  if (!el) return null;
  let t = texts.get(el);
  if (t === undefined) {
    let raw: string;
    // Most values (a link, a date, a name) hold nothing hidden and no block: two native calls
    // then read them, where the walk would touch every node.
    if (!el.querySelector(NOT_PLAIN)) raw = el.textContent ?? "";
    else {
      const out: string[] = [];
      collect(el, out, false, false);
      raw = out.join("");
    }
    texts.set(el, (t = clean(raw)));
  }
  return t;
}

/** Visible text keeping line breaks (`<br>`, blocks) as "\n"; lines trimmed, runs of blank lines kept to one. */
export function visibleLines(el: Element | null | undefined): string | null {
  if (!el) return null;
  const out: string[] = [];
  collect(el, out, true, isPre(el));
  return cleanLines(out.join(""));
}

/** Visible texts of elements, empty ones left out. */
export const textsOf = (els: Element[]): string[] => els.map(visibleText).filter((t): t is string => !!t);

export const qs = (root: ParentNode | null | undefined, sel: string): Element | null => {
  try {
    return root?.querySelector(sel) ?? null;
  } catch {
    return null;
  }
};
/** The element itself or its nearest ancestor that matches; null for none (or a selector the browser refuses). */
export const closest = (el: Element | null | undefined, sel: string): Element | null => {
  try {
    return el?.closest(sel) ?? null;
  } catch {
    return null;
  }
};
/** Whether the element matches; false for a selector the browser refuses. */
export const matches = (el: Element, sel: string): boolean => {
  try {
    return el.matches(sel);
  } catch {
    return false;
  }
};
export const qsa = (root: ParentNode | null | undefined, sel: string): Element[] => {
  try {
    return root ? Array.from(root.querySelectorAll(sel)) : [];
  } catch {
    return [];
  }
};

const HEADING = "h1, h2, h3, h4, h5, h6, [role='heading'], header strong";

/** Every heading of the page with its visible text, read once per parse. */
export type Headings = ReadonlyArray<{ el: Element; text: string }>;
export function collectHeadings(root: ParentNode): Headings {
  const out: { el: Element; text: string }[] = [];
  for (const el of qsa(root, HEADING)) {
    const text = visibleText(el);
    if (text) out.push({ el, text });
  }
  return out;
}

/**
 * The section a heading names: the nearest ancestor holding more than the heading itself
 * (and, when `holds` is given, an element matching it).
 */
export function sectionOf(heading: Element, holds?: string): Element | null {
  // Raw text length is enough to tell "more than the heading" and is far cheaper than visible text.
  const size = (e: Element) => (e.textContent ?? "").replace(/\s+/g, "").length;
  const own = size(heading);
  for (let el = heading.parentElement; el; el = el.parentElement) {
    if (el.tagName === "BODY" || el.tagName === "HTML") return holds ? null : el;
    if (size(el) > own && (!holds || qs(el, holds))) return el;
  }
  return null;
}

/** Section by heading text (first heading matching any regex). */
export function sectionByHeading(headings: Headings, labels: readonly RegExp[], holds?: string): Element | null {
  for (const re of labels)
    for (const h of headings)
      if (re.test(h.text)) {
        const s = sectionOf(h.el, holds);
        if (s) return s;
      }
  return null;
}

/** An element's own text: its direct text nodes, as they are. */
function ownText(el: Element): string {
  let own = owns.get(el);
  if (own === undefined) {
    own = "";
    for (const n of el.childNodes) if (n.nodeType === 3) own += n.nodeValue ?? "";
    owns.set(el, own);
  }
  return own;
}

/** The elements under root (matching `sel`, document order) whose own text (whitespace runs as one space unless `raw`) matches the label. */
export function byOwnText(root: ParentNode | null | undefined, label: RegExp, sel = "*", raw?: boolean): Element[] {
  const matches = (el: Element) => label.test(raw ? ownText(el) : ownText(el).replace(/\s+/g, " "));
  if (!root || sel !== "*") return qsa(root, sel).filter(matches);
  // Any element: only those holding a non-blank text node can match, so visit the text nodes (a
  // native walk) instead of every element's children; then restore document order.
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const tried = new Set<Element>();
  const out: Element[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el === root || tried.has(el) || !/\S/.test(n.nodeValue!)) continue;
    tried.add(el);
    if (matches(el)) out.push(el);
  }
  return out.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

export function attr(el: Element | null | undefined, name: string): string | null {
  return el?.getAttribute(name) ?? null;
}

/** A form control's current text (saved pages keep a textarea's value as its text content). */
export function controlValue(el: Element | null | undefined): string {
  if (!el) return "";
  // A live field's typed text is its `value`; a saved page keeps only the markup's.
  if (el.tagName === "TEXTAREA") return (el as HTMLTextAreaElement).value ?? el.textContent ?? "";
  return el.getAttribute("value") ?? "";
}
