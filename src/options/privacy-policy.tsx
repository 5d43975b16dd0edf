/**
 * PRIVACY.md, bundled and shown in the options page, so the policy a user reads is the one the
 * repository and the store listing carry. A small reader for the Markdown that file uses — headings,
 * paragraphs, "- " lists, `code`, **bold**, _emphasis_ — rendered as elements with text children,
 * never as HTML.
 */
import type { ComponentChildren } from "preact";
import policy from "../../PRIVACY.md?raw";

export type Block =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] };

/** Splits the policy into blocks; a line indented under a list item continues it. */
export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    if (list) blocks.push({ kind: "list", items: list });
    paragraph = [];
    list = null;
  };
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    const heading = /^(#{1,2}) (.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1]!.length as 1 | 2, text: heading[2]! });
    } else if (line.startsWith("- ")) {
      if (paragraph.length) flush();
      (list ??= []).push(line.slice(2));
    } else if (line.trim() === "") {
      flush();
    } else if (list && /^\s/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** `code`, **bold** and _emphasis_ as elements; everything else as text. */
export function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|(?<![\w/])_([^_]+)_(?!\w)/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) out.push(text.slice(at, match.index));
    if (match[1] !== undefined) out.push(<code>{match[1]}</code>);
    else if (match[2] !== undefined) out.push(<strong>{match[2]}</strong>);
    else out.push(<em>{match[3]}</em>);
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The policy; its own title is dropped (the caller's heading names it), its sections become h4s. */
export function PrivacyPolicy() {
  return (
    <div class="policy" data-testid="privacy-policy">
      {markdownBlocks(policy).map((block, i) =>
        block.kind === "heading" ? (
          block.level === 1 ? null : (
            <h4 key={i}>{block.text}</h4>
          )
        ) : block.kind === "paragraph" ? (
          <p key={i}>{inline(block.text)}</p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
