/** "Activity on this job" → Activity (null when the page has no such section). */
import type { Activity } from "../../shared/records";
import { qs, qsa, sectionByHeading, visibleText, type Headings } from "../anchors/dom";
import { ACTIVITY_HEADINGS, ACTIVITY_ITEM, ACTIVITY_LABELS, ACTIVITY_ROOT, ACTIVITY_ROWS } from "../anchors/job";
import { resolveElement, Scope, type Ctx } from "../anchors/resolve";
import { parseCount, parseProposalsTier, parseRelativeTime } from "./values";

type Key = keyof typeof ACTIVITY_ROWS;

export function parseActivity(root: ParentNode, headings: Headings, ctx: Ctx, p = "activity"): Activity | null {
  const section = resolveElement(root, ACTIVITY_ROOT) ?? sectionByHeading(headings, ACTIVITY_HEADINGS);
  if (!section) {
    ctx.missing.push(p);
    return null;
  }
  const rows = new Map<Key, string>();
  const items = qsa(section, ACTIVITY_ITEM.join(","));
  for (const li of items) {
    const title = visibleText(qs(li, ".title"));
    const value = visibleText(qs(li, ".value"));
    for (const k in ACTIVITY_ROWS) {
      if (rows.has(k as Key)) continue;
      if (title && value) {
        if (ACTIVITY_ROWS[k as Key].test(title)) rows.set(k as Key, value);
      } else {
        // A row whose title/value wrappers changed: its own text, never its neighbour's.
        const own = ACTIVITY_LABELS[k as Key].exec(visibleText(li) ?? "")?.[1];
        if (own) rows.set(k as Key, own);
      }
    }
  }
  const s = new Scope(section);
  // The section is read as one text only when it has no rows: across rows, a label whose value is
  // gone would take the next row's figure ("Interviewing:" + "12" of "Invites sent").
  const raw = (k: Key): string | null =>
    rows.get(k) ?? (items.length ? null : (ACTIVITY_LABELS[k].exec(s.text)?.[1] ?? null));
  const num = (k: Key) => () => {
    const t = raw(k);
    return t != null && /^\d[\d,]*$/.test(t.trim()) ? parseCount(t) : null;
  };
  return ctx.fields<Activity>(p, {
    proposals: () => parseProposalsTier(raw("proposals")),
    lastViewedAt: () => parseRelativeTime(raw("lastViewedAt"), ctx.now),
    hires: num("hires"),
    interviewing: num("interviewing"),
    invitesSent: num("invitesSent"),
    unansweredInvites: num("unansweredInvites"),
  });
}
