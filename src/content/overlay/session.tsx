/**
 * One page's overlay, from start to teardown: read the page on each frame of relevant work, ask the
 * background only when what we read changed, then write our hosts — idempotently, and only what changed.
 */
import type { ComponentChild } from "preact";
import type { ParsedPage, ReadableKind } from "../../shared/records";
import { report } from "../watch";
import type { Backend, PageScore, Parse } from "./backend";
import { Badge, type BadgeProps } from "./badge";
import badgeCss from "./badge.css?inline";
import { createHost, type Host } from "./define-host";
import { fitHook } from "./format";
import { dockPanel, invitationRows, pageIsDark } from "./mount";
import { Panel } from "./panel";
import panelCss from "./panel.css?inline";

export interface PageSession {
  /** One frame of work: re-read, maybe ask, (re)place hosts. */
  update(): void;
  destroy(): void;
}

export interface PageContext {
  doc: Document;
  url: string;
  kind: ReadableKind;
  parse: Parse;
  backend: Backend;
  /** Asks for another frame of work (an answer arrived, the panel was toggled). */
  schedule(): void;
  /** Test-only: badges throw while rendering, to show their quiet error state. */
  fault?: boolean;
}

/** Survives in-page navigation, so a collapsed panel stays collapsed. */
let collapsed = false;

/** Renders only when the props' signature changed: never re-render what has not changed. */
function paint(host: Host & { sig?: string }, sig: string, tree: () => ComponentChild): boolean {
  if (host.sig === sig) return true;
  host.sig = sig;
  return host.render(tree());
}

export function startPage(ctx: PageContext): PageSession {
  const { doc, kind } = ctx;
  // Relative times on the page resolve against one moment per page, so re-reads compare equal.
  const readAt = new Date();
  let key = "";
  let seq = 0;
  /** undefined: waiting for the background; null: it (or we) failed. */
  let score: PageScore | null | undefined;
  let destroyed = false;
  const badges = new Map<string, Host>();
  let panel: Host | null = null;
  let docker: ReturnType<typeof dockPanel> | null = null;

  /** Reads the page; sends it to the background only when the record changed. */
  function read(): ParsedPage | null {
    const parsed = ctx.parse(doc, ctx.url, readAt);
    const next = parsed ? JSON.stringify(parsed) : "";
    if (parsed && next !== key) {
      key = next;
      const mine = ++seq;
      score = undefined;
      const settle = (value: PageScore | null) => {
        if (destroyed || mine !== seq) return;
        score = value;
        ctx.schedule();
      };
      ctx.backend.pageParsed({ url: ctx.url, readAt: readAt.toISOString(), parsed }).then(settle, (error: unknown) => {
        report("background", error);
        settle(null);
      });
    }
    return parsed;
  }

  function updateBadges(parsed: ParsedPage | null, failed: boolean, dark: boolean) {
    // When the parser failed, every invitation link still gets its (error) badge.
    const rows = invitationRows(doc, parsed?.kind === "invitations" ? parsed.record.invitations.map((i) => i.id) : failed ? null : []);
    const items = parsed?.kind === "invitations" ? parsed.record.invitations : [...rows].map(([id, row]) => ({ id, jobTitle: row.title }));
    const scored = new Map((score?.invitations ?? []).map((i) => [i.id, i]));
    const error = failed || score === null;
    const now = new Date();
    const seen = new Set<string>();
    for (const item of items) {
      const place = rows.get(item.id);
      // Until the background answers there is nothing to show; a failure shows the quiet error.
      if (!place || (score === undefined && !error)) continue;
      seen.add(item.id);
      let host = badges.get(item.id);
      if (host && !place.cell.contains(host.el)) {
        // Upwork re-rendered the row and dropped (or moved) our badge: place a fresh one.
        host.destroy();
        host = undefined;
      }
      if (!host) {
        host = createHost(doc, "iw-badge", badgeCss);
        host.el.setAttribute("data-iw-invitation", item.id);
        badges.set(item.id, host);
        place.cell.append(host.el);
      }
      host.setDark(dark);
      const s = scored.get(item.id);
      const props: BadgeProps = { title: item.jobTitle, fit: s?.fit ?? null, urgency: s?.urgency ?? null, error, now, fault: ctx.fault };
      // Opening goes through Upwork's own link, so its router navigates as it would on a click.
      const open = () => place.link.click();
      let ok = paint(host, JSON.stringify({ ...props, now: Math.floor(now.getTime() / 60_000) }), () => <Badge {...props} onOpen={open} />);
      if (!ok) host.render(<Badge {...props} error />);
      ok &&= !error;
      host.el.setAttribute("data-iw-fit", ok ? fitHook(props.fit) : "unknown");
      host.el.setAttribute("data-iw-urgency", ok ? (props.urgency?.level ?? "unknown") : "unknown");
    }
    for (const [id, host] of badges)
      if (!seen.has(id)) {
        host.destroy();
        badges.delete(id);
      }
  }

  function updatePanel(parsed: ParsedPage | null, failed: boolean, dark: boolean) {
    const record = parsed?.kind === "invitation" || parsed?.kind === "job" ? parsed.record : null;
    if (!record && !failed) return; // nothing readable yet: the section may arrive later
    if (!panel) {
      panel = createHost(doc, "iw-panel", panelCss);
      panel.el.setAttribute("data-iw-panel", "");
      doc.body.append(panel.el);
      docker = dockPanel(panel, () => {
        // No band beside Upwork's buttons is free: fold to the small tab rather than cover them.
        if (!collapsed) (collapsed = true), ctx.schedule();
      });
    } else if (!panel.el.isConnected) doc.body.append(panel.el);
    panel.setDark(dark);
    const error = failed || score === null;
    const props = {
      title: record?.job.title ?? null,
      fit: score?.fit ?? null,
      urgency: score?.urgency ?? null,
      missing: score?.missing ?? parsed?.missing ?? [],
      error,
      pending: score === undefined && !error,
      collapsed,
      now: new Date(),
    };
    const toggle = () => {
      collapsed = !collapsed;
      ctx.schedule();
    };
    const actions = { draft: () => ctx.backend.openDrafts(), declineNote: () => ctx.backend.declineNote() };
    const sig = JSON.stringify({ ...props, now: Math.floor(props.now.getTime() / 60_000) });
    let ok = paint(panel, sig, () => <Panel {...props} onToggle={toggle} actions={actions} />);
    if (!ok) panel.render(<Panel {...props} fit={null} urgency={null} error onToggle={toggle} actions={null} />);
    panel.el.setAttribute("data-iw-fit", ok && !error ? fitHook(props.fit?.score) : "unknown");
    docker?.dock();
  }

  return {
    update() {
      if (destroyed) return;
      let parsed: ParsedPage | null = null;
      let failed = false;
      try {
        parsed = read();
      } catch (error) {
        // A parser failure must not stop the page: show the quiet error state where we can.
        report(`parse ${kind}`, error);
        failed = true;
      }
      const dark = pageIsDark(doc);
      if (kind === "invitations") updateBadges(parsed, failed, dark);
      else if (kind === "invitation" || kind === "job") updatePanel(parsed, failed, dark);
    },
    destroy() {
      destroyed = true;
      for (const host of badges.values()) host.destroy();
      badges.clear();
      docker?.destroy();
      panel?.destroy();
    },
  };
}
