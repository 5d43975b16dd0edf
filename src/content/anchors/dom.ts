/**
 * The DOM layer: every raw query the parsers need goes through here. Only standard DOM APIs that
 * Chromium and happy-dom both implement (no innerText, no layout).
 */
import { clean } from "../parse/values";

/** Text a reader never sees as part of a value: screen-reader-only, tooltips/poppers, code, icons, buttons. */
const HIDDEN_TAGS = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "SVG", "svg", "BUTTON"]);
const HIDDEN_CLASSES = ["sr-only", "air3-popper", "air3-tooltip"];
// Checked by hand rather than with `matches`: this runs for every element of every read.
function isHidden(el: Element): boolean {
  if (HIDDEN_TAGS.has(el.tagName)) return true;
  const cl = el.classList;
  for (const c of HIDDEN_CLASSES) if (cl.contains(c)) return true;
  return el.getAttribute("data-test") === "popper" || el.getAttribute("role") === "tooltip" || el.hasAttribute("hidden");
}

function isDuplicateShortForm(el: Element): boolean {
  // Responsive pairs: long `.d-none.d-lg-inline` + short `.d-lg-none`. Keep the long one when both exist.
  if (!el.classList.contains("d-lg-none")) return false;
  const parent = el.parentElement;
  if (!parent) return false;
  for (const sib of Array.from(parent.children)) if (sib !== el && sib.classList.contains("d-lg-inline")) return true;
  return false;
}

function collect(node: Node, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out.push(child.nodeValue ?? "");
    else if (child.nodeType === 1) {
      const el = child as Element;
      if (isHidden(el) || isDuplicateShortForm(el)) continue;
      const tag = el.tagName;
      const block = tag === "BR" || tag === "P" || tag === "DIV" || tag === "LI" || tag === "TR" || tag === "SECTION";
      if (block) out.push(" ");
      collect(el, out);
      if (block) out.push(" ");
    }
  }
}

/** Visible text of an element, whitespace collapsed; null when empty. The root itself is always read. */
export function visibleText(el: Element | null | undefined): string | null {
  if (!el) return null;
  const out: string[] = [];
  collect(el, out);
  return clean(out.join(""));
}

/** Visible text keeping line breaks (`<br>`, blocks) as "\n"; lines trimmed, runs of blank lines kept to one. */
export function visibleLines(el: Element | null | undefined): string | null {
  if (!el) return null;
  const out: string[] = [];
  // `pre`: inside Upwork's `.text-pre-line` (CSS white-space: pre-line) the source's newlines are shown.
  const walk = (node: Node, pre: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out.push((child.nodeValue ?? "").replace(pre ? /[^\S\n]+/g : /\s+/g, " "));
      else if (child.nodeType === 1) {
        const e = child as Element;
        if (isHidden(e) || isDuplicateShortForm(e)) continue;
        if (e.tagName === "BR") {
          out.push("\n");
          continue;
        }
        const block = /^(P|DIV|LI|UL|OL|SECTION|H[1-6])$/.test(e.tagName);
        if (block) out.push("\n");
        walk(e, pre || e.classList.contains("text-pre-line") || e.tagName === "PRE");
        if (block) out.push("\n");
      }
    }
  };
  walk(el, el.classList.contains("text-pre-line") || el.tagName === "PRE");
  const text = out
    .join("")
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return text === "" ? null : text;
}

export const qs = (root: ParentNode | null | undefined, sel: string): Element | null => {
  if (!root) return null;
  try {
    return root.querySelector(sel);
  } catch {
    return null;
  }
};
export const qsa = (root: ParentNode | null | undefined, sel: string): Element[] => {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(sel));
  } catch {
    return [];
  }
};

/** First element of a selector list (newest first) that exists under root. */
export function firstOf(root: ParentNode | null | undefined, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const el = qs(root, sel);
    if (el) return el;
  }
  return null;
}

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
export function sectionOf(heading: Element, holds?: string, stopAt?: Element | null): Element | null {
  // Raw text length is enough to tell "more than the heading" and is far cheaper than visible text.
  const size = (e: Element) => (e.textContent ?? "").replace(/\s+/g, "").length;
  const own = size(heading);
  let el: Element | null = heading.parentElement;
  while (el && el !== stopAt) {
    const tag = el.tagName;
    if (tag === "BODY" || tag === "HTML") return holds ? null : el;
    if (size(el) > own && (!holds || qs(el, holds))) return el;
    el = el.parentElement;
  }
  return null;
}

/** Section by heading text (first heading matching any regex). */
export function sectionByHeading(headings: Headings, labels: readonly RegExp[], holds?: string): Element | null {
  for (const re of labels)
    for (const h of headings) if (re.test(h.text)) {
      const s = sectionOf(h.el, holds);
      if (s) return s;
    }
  return null;
}

/** The innermost element under root whose own text (its direct text nodes) matches the label. */
export function elementByOwnText(root: ParentNode | null | undefined, label: RegExp, sel = "*"): Element | null {
  for (const el of qsa(root, sel)) {
    let own = "";
    for (const n of Array.from(el.childNodes)) if (n.nodeType === 3) own += n.nodeValue ?? "";
    if (label.test(own.replace(/\s+/g, " "))) return el;
  }
  return null;
}

export function attr(el: Element | null | undefined, name: string): string | null {
  return el?.getAttribute(name) ?? null;
}

/** A form control's current text (saved pages keep a textarea's value as its text content). */
export function controlValue(el: Element | null | undefined): string {
  if (!el) return "";
  return el.tagName === "TEXTAREA" ? (el.textContent ?? "") : (el.getAttribute("value") ?? "");
}
