/**
 * The page report's skeleton: the page as an HTML document with its element tree, the attributes the
 * parsers anchor on, and every text reduced to its shape (shape.ts), so `npm run cli -- parse` reads
 * it like a saved page and finds the same fields, while the client's and the user's words stay home.
 *
 * Pure DOM code. The walk is iterative (a page may nest thousands deep) and the output is bounded.
 */
import { healthComment, type FieldHealth } from "./health";
import { MAX_SKELETON_CHARS } from "./limits";
import { Shaper } from "./shape";

export const TRUNCATED_MARKER = "<!-- Invitewise: report cut here, the page is larger than it allows -->";

const VOID = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));
/** Left out with everything inside: code and the page's embedded state (it holds client data), styles, our own overlay. */
const DROPPED = new Set(["script", "style", "iw-badge", "iw-panel"]);
/** Kept as elements, their insides left out: drawings, form values, raw text the page never shows as such. */
const EMPTIED = new Set(["svg", "textarea", "noscript", "iframe", "template", "object", "math", "xmp", "plaintext"]);

type Kind = "token" | "tokens" | "text" | "url" | "flag";
/**
 * Attributes kept, and how: identifiers (the ids in them pseudonymised; a data-* value that reads as
 * text is shaped), lists of identifiers, text (shaped), addresses (shaped), flags (no value).
 */
const ATTRIBUTES: Record<string, Kind> = {
  class: "tokens",
  id: "token",
  role: "token",
  name: "token",
  type: "token",
  for: "token",
  itemprop: "token",
  tabindex: "token",
  rel: "tokens",
  dir: "token",
  lang: "token",
  colspan: "token",
  rowspan: "token",
  "aria-labelledby": "tokens",
  "aria-describedby": "tokens",
  "aria-hidden": "token",
  // Upwork's job card carries the job's uid on an attribute of its own.
  "job-uid": "token",
  "aria-label": "text",
  href: "url",
  hidden: "flag",
  disabled: "flag",
  readonly: "flag",
  checked: "flag",
  selected: "flag",
};

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

function attribute(kind: Exclude<Kind, "flag">, value: string, shape: Shaper): string {
  if (kind === "text") return shape.text(value);
  if (kind === "url") return shape.url(value);
  if (kind === "tokens")
    return value
      .trim()
      .split(/\s+/)
      .map((t) => shape.token(t))
      .join(" ");
  return shape.token(value);
}

function openTag(el: Element, tag: string, shape: Shaper): string {
  let out = `<${tag}`;
  for (const { name, value } of Array.from(el.attributes)) {
    const kind = ATTRIBUTES[name] ?? (name.startsWith("data-") ? "token" : null);
    if (!kind || !/^[a-z][a-z0-9_.:-]*$/.test(name)) continue;
    if (kind === "flag") out += ` ${name}`;
    else out += ` ${name}="${escapeAttr(attribute(kind, value, shape))}"`;
  }
  return out + ">";
}

export interface Skeleton {
  html: string;
  truncated: boolean;
}

/**
 * The skeleton of `doc` shown at `url`. It opens with the address (shaped: the command line takes the
 * page kind from it) and the field health of the tab's last parse (names only).
 */
export function pageSkeleton(
  doc: Document,
  url: string,
  health: FieldHealth | null = null,
  maxChars = MAX_SKELETON_CHARS,
): Skeleton {
  const shape = new Shaper();
  const address = shape.url(url).replace(/\s/g, "");
  const parts = [
    `<!-- saved from url=(${String(address.length).padStart(4, "0")})${address} -->\n`,
    healthComment(health, url),
    "\n<!DOCTYPE html>\n",
  ];
  let size = parts.reduce((n, p) => n + p.length, 0);
  let truncated = false;
  /** Adds to the report within its bound: a text is cut at the bound, a tag that would pass it is left out. */
  const push = (s: string, isText = false) => {
    const room = maxChars - size;
    if (s.length > room) {
      truncated = true;
      if (!isText) return;
      s = s.slice(0, room);
    }
    parts.push(s);
    size += s.length;
  };

  const root = doc.documentElement;
  let node: Node | null = root;
  // Depth-first by sibling and parent pointers: no recursion, no list of children copied.
  while (node && !truncated) {
    let enter = false;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.localName.toLowerCase();
      if (!DROPPED.has(tag) && /^[a-z][a-z0-9-]*$/.test(tag)) {
        push(openTag(el, tag, shape));
        // A void element has no content and no end tag.
        if (!VOID.has(tag)) {
          if (EMPTIED.has(tag) || !el.firstChild) push(`</${tag}>`);
          else enter = true;
        }
      }
    } else if (node.nodeType === 3) {
      push(escapeText(shape.text(node.nodeValue ?? "")), true);
    }
    if (enter) {
      node = node.firstChild;
      continue;
    }
    // Up past every last child, closing each element left, then on to the next sibling.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node) push(`</${(node as Element).localName.toLowerCase()}>`);
    }
    node = node === root || !node ? null : node.nextSibling;
  }
  // The marker goes past the bound: a cut report must say so.
  if (truncated) parts.push(`\n${TRUNCATED_MARKER}\n`);
  return { html: parts.join(""), truncated };
}
