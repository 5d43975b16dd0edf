/**
 * One page's overlay, from start to teardown. The page is read only on frames where the observer saw
 * Upwork's page change (never because our own reply arrived); the background is asked only when what
 * we read changed; hosts are written in one batch after every read, and a host re-renders only when
 * what it shows changed. Badges wait for the background's answer: one render each, not two.
 */
import { embeddedStateText, type StateText } from "../../state/extract";
import type { ParsedPage, ReadableKind } from "../../shared/records";
import { offerTitles } from "../parse/offers";
import { report } from "../watch";
import type { Backend, PageScore, Parse } from "./backend";
import { badgeElement } from "./badge";
import { createHost, type Host } from "./define-host";
import { fitHook, rankRows, urgencyLine, type RankOrder } from "./format";
import { reasonLines } from "../../shared/urgency-words";
import { dockPanel, invitationRows, pageIsDark, type InvitationRow } from "./mount";
import { renderPanel, type PanelProps, type PanelState } from "./panel";

export interface PageSession {
  /** One frame of work: re-read when `dirty` (the page changed), maybe ask, (re)place hosts. */
  update(dirty: boolean): void;
  destroy(): void;
}

export interface PageContext {
  doc: Document;
  url: string;
  kind: ReadableKind;
  parse: Parse;
  backend: Backend;
  /** Asks for another frame of work (the panel was toggled, the minute's tick). */
  schedule(): void;
  /** The background answered: the work at once if the page is as last read, else in the next frame (Watcher.now). */
  answered(): void;
  /** Test-only: badges throw while rendering, to show their quiet error state. */
  fault: boolean;
}

/** Survives in-page navigation, so a collapsed panel stays collapsed. */
let collapsed = false;
/** The list's panel starts folded to its tab (a list is read for its badges first); the user opens the ranking. */
let listCollapsed = true;
/** How the list's ranking orders its rows; survives in-page navigation too. */
let listOrder: RankOrder = "urgency";
/** Kinds whose embedded state Invitewise reads (a job posting; the invitations list's rows). */
const STATE_KINDS = new Set(["job", "invitations"]);

export function startPage(ctx: PageContext): PageSession {
  const { doc, kind } = ctx;
  // Relative times on the page resolve against one moment per page, so re-reads compare equal.
  const readAt = new Date();
  let key = "";
  /** The page's embedded state, read once (server-rendered; the background ties it to its own job). */
  let state: StateText | null | undefined;
  /** The current request; -1 once destroyed (a late reply is then dropped). */
  let seq = 0;
  /** undefined: waiting for the background; null: it (or we) failed. */
  let score: PageScore | null | undefined;
  // The last read of the page: reused until the observer reports a change.
  let parsed: ParsedPage | null = null;
  let failed = false;
  let dark = false;
  let rows = new Map<string, InvitationRow>();
  let badges = new Map<string, Host>();
  let panel: Host | null = null;
  /** The panel's own state (the decline note, the status line, its scroll): rebuilt trees keep it, a new panel starts afresh. */
  let panelState: PanelState = {};
  /** What the page's panel last showed (invitation and job pages). */
  let pageView: Parameters<typeof showPanel>[0] | null = null;
  let docker: ReturnType<typeof dockPanel> | null = null;
  /** On the list: the invitation whose badge opened the panel. */
  let selected: string | null = null;
  /** The next minute boundary's frame (see `armTick`). */
  let tick: ReturnType<typeof setTimeout> | undefined;

  /**
   * "Reply in N h" must stay true while the page stays open: one frame at each minute boundary
   * re-renders what would read differently. Local only — it neither reads the page nor asks anyone.
   */
  function armTick(): void {
    clearTimeout(tick);
    if (seq >= 0 && (badges.size > 0 || panel)) tick = setTimeout(ctx.schedule, 60_000 - (Date.now() % 60_000) + 20);
  }

  /** Reads the page; sends it to the background only when the record changed. */
  function read(): void {
    failed = false;
    try {
      parsed = ctx.parse(doc, ctx.url, readAt);
    } catch (error) {
      // A parser failure must not stop the page: show the quiet error state where we can.
      report(`parse ${kind}`, error);
      parsed = null;
      failed = true;
    }
    dark = pageIsDark(doc);
    // The list page's offers go beside its record (the invitation log joins them to their invitations).
    const offers = kind === "invitations" && parsed ? offerTitles(doc) : [];
    const next = JSON.stringify([parsed, offers]);
    if (parsed && next !== key) {
      key = next;
      const mine = ++seq;
      score = undefined;
      const settle = (value: PageScore | null) => {
        if (mine === seq) {
          score = value;
          ctx.answered();
        }
      };
      if (state === undefined) state = STATE_KINDS.has(kind) ? embeddedStateText(doc) : null;
      ctx.backend
        .pageParsed({ url: ctx.url, readAt: readAt.toISOString(), parsed, state, ...(offers.length && { offers }) })
        .then(settle, (error: unknown) => {
          report("background", error);
          settle(null);
        });
    }
    // When the parser failed, every invitation link still gets its (error) badge.
    if (kind === "invitations")
      rows = invitationRows(
        doc,
        parsed?.kind === "invitations"
          ? new Map(parsed.record.invitations.map((i) => [i.id, i.jobTitle]))
          : failed
            ? null
            : new Map(),
      );
  }

  function updateBadges(): void {
    const error = failed || score === null;
    // Until the background answers, the badges shown stay as they are and none is added.
    const waiting = score === undefined && !error;
    const scored = new Map(score?.invitations?.map((i) => [i.id, i]));
    const now = new Date();
    const kept = new Map<string, Host>();
    const writes: Array<() => void> = [];
    // Reads first (no DOM writes in this loop), then every write in one batch.
    for (const [id, place] of rows) {
      let host = badges.get(id);
      // Upwork re-rendered the row and dropped (or moved) our badge: place a fresh one.
      if (host?.el.parentNode !== place.cell) host = undefined;
      if (!host && waiting) continue;
      const s = scored.get(id);
      const fit = s?.fit ?? null;
      const urgency = s?.urgency ?? null;
      const provisional = s?.detail?.provisional
        ? { factors: s.detail.fit.factors.filter((f) => f.weight > 0).length, of: s.detail.fit.factors.length }
        : null;
      // What the badge shows (not the panel's detail: a badge re-renders only when it would change).
      const sig = waiting
        ? host!.sig
        : JSON.stringify([
            error,
            fit,
            provisional,
            urgency?.level,
            urgencyLine(urgency, now),
            place.title,
            score?.declineBelow,
          ]);
      const fresh = !host;
      const b = host ?? createHost(doc, "iw-badge");
      kept.set(id, b);
      if (b.sig === sig) continue;
      writes.push(() => {
        b.sig = sig;
        const props = {
          title: place.title,
          fit,
          provisional,
          urgency,
          declineBelow: score?.declineBelow,
          error,
          now,
          fault: ctx.fault,
          onOpen: () => openFromBadge(id),
        };
        const ok = b.show(() => badgeElement(doc, props)) && !error;
        if (!ok) b.show(() => badgeElement(doc, { ...props, error: true }));
        b.el.setAttribute("data-iw-fit", ok ? fitHook(fit) : "unknown");
        b.el.setAttribute("data-iw-urgency", (ok && urgency?.level) || "unknown");
        b.el.toggleAttribute("data-iw-provisional", ok && provisional !== null);
        if (fresh) {
          b.el.setAttribute("data-iw-invitation", id);
          place.cell.append(b.el);
        }
      });
    }
    for (const [id, b] of badges) if (kept.get(id) !== b) b.destroy();
    badges = kept;
    for (const write of writes) write();
    for (const b of kept.values()) b.el.classList.toggle("d", dark);
  }

  /**
   * A badge was clicked: an opened invitation shows its panel here (a second click hides it); one not
   * opened yet opens through Upwork's own link, so its router navigates as on a click — and reading
   * that page is what scores it.
   */
  function openFromBadge(id: string): void {
    if (score?.invitations?.find((i) => i.id === id)?.detail) {
      selected = selected === id ? null : id;
      listCollapsed = false;
      ctx.schedule();
    } else rows.get(id)?.link.click();
  }

  /**
   * The panel on the list: the selected invitation's fit and message, else the ranking of every
   * invitation (folded to its tab until the user opens it). None until the background answered.
   */
  function updateListPanel(): void {
    const answered = score?.invitations?.filter((i) => rows.has(i.id));
    if (!answered?.length) {
      docker?.destroy();
      panel?.destroy();
      panel = docker = null;
      return;
    }
    const row = selected === null ? undefined : answered.find((i) => i.id === selected);
    if (!row?.detail) selected = null;
    const base = {
      fit: null,
      urgency: null,
      missing: [],
      error: false,
      actions: null,
      declineBelow: score?.declineBelow,
    };
    if (row?.detail) {
      const id = row.id;
      return showPanel({
        ...base,
        title: rows.get(id)?.title ?? null,
        fit: row.detail.fit,
        urgency: row.urgency,
        missing: row.detail.missing,
        row: {
          provisional: row.detail.provisional,
          message: row.message,
          // Upwork's own link, as a click on the row would follow it: opening is what scores it fully.
          open: () => rows.get(id)?.link.click(),
          back: () => ((selected = null), ctx.schedule()),
        },
      });
    }
    showPanel({
      ...base,
      title: null,
      ranking: {
        order: listOrder,
        entries: rankRows(answered, listOrder).map((r) => ({
          id: r.id,
          title: rows.get(r.id)?.title ?? "",
          fit: r.fit,
          provisional: r.detail?.provisional ?? false,
          urgency: r.urgency,
        })),
        onOrder: (order) => ((listOrder = order), ctx.schedule()),
        onPick: (id) => {
          const picked = answered.find((i) => i.id === id);
          // A row with nothing to show opens through Upwork's link, as its badge does.
          if (!picked?.detail) return rows.get(id)?.link.click();
          selected = id;
          rows.get(id)?.cell.scrollIntoView({ block: "nearest" });
          ctx.schedule();
        },
      },
    });
  }

  /**
   * The panel on an invitation or job page, for the page's own record. Like the badges, it waits for
   * the background's answer (one render, not a placeholder and then the score); while a re-read
   * waits, the panel shown stays as it was.
   */
  function updatePanel(): void {
    const record = parsed?.kind === "invitation" || parsed?.kind === "job" ? parsed.record : null;
    if (!record && !failed) return; // nothing readable yet: the section may arrive later
    const error = failed || score === null;
    if (score === undefined && !error) {
      if (pageView) showPanel(pageView); // a toggle or the minute's tick while waiting
      return;
    }
    showPanel(
      (pageView = {
        title: record?.job.title ?? null,
        fit: score?.fit ?? null,
        urgency: score?.urgency ?? null,
        missing: score?.missing ?? parsed?.missing ?? [],
        declineBelow: score?.declineBelow,
        error,
        actions: ctx.backend,
      }),
    );
  }

  // The list's panel folds on its own (see listCollapsed); the invitation and job pages' share one.
  const isCollapsed = () => (kind === "invitations" ? listCollapsed : collapsed);
  const setCollapsed = (value: boolean) => (kind === "invitations" ? (listCollapsed = value) : (collapsed = value));

  function showPanel(view: Omit<PanelProps, "collapsed" | "now" | "onToggle" | "state" | "onNote">): void {
    if (!panel) {
      panelState = {};
      panel = createHost(doc, "iw-panel");
      panel.el.setAttribute("data-iw-panel", "");
      docker = dockPanel(panel, () => {
        // No band beside Upwork's buttons is free: fold to the small tab rather than cover them.
        if (!isCollapsed()) {
          setCollapsed(true);
          ctx.schedule();
        }
      });
    }
    if (!panel.el.isConnected) doc.body.append(panel.el);
    panel.el.classList.toggle("d", dark);
    const { actions, ...shown } = view;
    const now = new Date();
    // The time shows only in the urgency line: a render each time that line would read differently.
    // The decline note is in the signature, and whether a report is shown to copy by hand (a new one
    // takes the focus, below); a new status is written in place (panel.ts).
    const folded = isCollapsed();
    const sig = JSON.stringify({
      ...shown,
      folded,
      now: urgencyLine(shown.urgency, now),
      // The reasons' words follow the clock too ("2 h ago" → "3 h ago").
      reasons: shown.urgency && reasonLines(shown.urgency, now),
      ranked: shown.ranking?.entries.map((e) => urgencyLine(e.urgency, now)),
      note: panelState.note,
      report: panelState.report != null,
    });
    // A decline note or report written again (the same text) still moves focus to it.
    if (panel.sig === sig && !panelState.focus) return;
    panel.sig = sig;
    const onToggle = () => {
      setCollapsed(!folded);
      ctx.schedule();
    };
    const props: PanelProps = {
      ...shown,
      collapsed: folded,
      now,
      onToggle,
      actions,
      state: panelState,
      onNote: ctx.schedule,
    };
    const ok = renderPanel(panel, props);
    if (!ok) renderPanel(panel, { ...props, fit: null, urgency: null, error: true, actions: null });
    panel.el.setAttribute("data-iw-fit", ok && !view.error ? fitHook(view.fit?.score) : "unknown");
    docker!.dock();
  }

  return {
    update(dirty) {
      if (dirty) read();
      if (kind === "invitations") {
        updateBadges();
        updateListPanel();
      } else if (kind === "invitation" || kind === "job") updatePanel();
      armTick();
    },
    destroy() {
      seq = -1;
      clearTimeout(tick);
      for (const b of badges.values()) b.destroy();
      docker?.destroy();
      panel?.destroy();
      // Nothing of this page outlives it (a late reply's closure holds only this emptied session).
      badges = new Map();
      rows = new Map();
      parsed = panel = docker = pageView = null;
      panelState = {};
    },
  };
}
