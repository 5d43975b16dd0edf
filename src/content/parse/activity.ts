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
  for (const li of qsa(section, ACTIVITY_ITEM.join(","))) {
    const title = visibleText(qs(li, ".title"));
    const value = visibleText(qs(li, ".value"));
    if (!title || !value) continue;
    for (const k in ACTIVITY_ROWS) if (ACTIVITY_ROWS[k as Key].test(title) && !rows.has(k as Key)) rows.set(k as Key, value);
  }
  const s = new Scope(section);
  const raw = (k: Key): string | null => rows.get(k) ?? ACTIVITY_LABELS[k].exec(s.text)?.[1] ?? null;
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
