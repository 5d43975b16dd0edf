/**
 * Messages to the background service worker: ONE discriminated union of requests on `type`, one reply
 * schema per request type, replies `{ ok: true, data } | { ok: false, error }`. Validated on send and
 * on receipt (zod at run time, not only types at compile time). Add a request by adding its schema to
 * `Request` and its reply to `REPLY_DATA`.
 */
import * as z from "zod/mini";
import browser from "webextension-polyfill";
import { ParsedPage, timestamp } from "./records";
import { MAX_STATE_CHARS } from "../state/extract";
import { MAX_REPORT_CHARS } from "../report/limits";
import { Fit, InvitationUrgency, Urgency } from "./score";
import { DraftKey, SavedEdits } from "./saved-edits";
import { OutcomeKind } from "./invitation-log";

const invitationId = z.string().check(z.regex(/^\d+$/));

/** The page's embedded state as text (src/state/extract.ts); the background decodes and merges it. */
export const StateText = z.object({
  form: z.enum(["nuxt3", "nuxt2"]),
  text: z.string().check(z.maxLength(MAX_STATE_CHARS)),
});
export const PageParsedRequest = z.object({
  type: z.literal("page-parsed"),
  url: z.string(),
  readAt: timestamp,
  /** Checked field by field in the handler (src/shared/repair.ts): one bad field must not refuse the page. */
  parsed: z.looseObject({ kind: z.string(), record: z.unknown() }),
  state: z.optional(z.nullable(StateText)),
  /** The job titles of the offers an invitations list page shows (the invitation log's outcomes). */
  offers: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.maxLength(50))),
});
export const GetTabPageRequest = z.object({ type: z.literal("get-tab-page"), tabId: z.int() });
export const SetInvitationStateRequest = z.object({
  type: z.literal("set-invitation-state"),
  id: invitationId,
  state: z.enum(["replied", "declined"]),
});

/** The overlay's "Draft reply": a content script can't open the popup itself. */
export const OpenDraftsRequest = z.object({ type: z.literal("open-drafts") });
/** The overlay's "Decline politely": the decline note for the page the sender's tab last parsed. */
export const GetDeclineNoteRequest = z.object({ type: z.literal("get-decline-note") });
/**
 * "Report this page": the skeleton of an Upwork tab (src/report/), with the field names of its last
 * parse. `tab`: the sender's own tab (the panel), or the most recently read Upwork tab still open
 * (the options page, which is a tab of its own).
 */
export const GetPageReportRequest = z.object({ type: z.literal("get-page-report"), tab: z.enum(["sender", "latest"]) });

/** The popup's autosave of the user's edits to a draft (the background is their only writer). */
export const SaveEditsRequest = z.object({
  type: z.literal("save-edits"),
  key: DraftKey,
  edits: z.nullable(SavedEdits),
});
/** The Insights page's one-click outcome of an invitation (null: forget it); the log is the background's to write. */
export const SetInvitationOutcomeRequest = z.object({
  type: z.literal("set-invitation-outcome"),
  id: invitationId,
  outcome: z.nullable(OutcomeKind),
});
/** The options page's "Clear": diagnostics are the background's to write. */
export const ClearDiagnosticsRequest = z.object({ type: z.literal("clear-diagnostics") });

export const Request = z.discriminatedUnion("type", [
  PageParsedRequest,
  GetTabPageRequest,
  SetInvitationStateRequest,
  OpenDraftsRequest,
  GetDeclineNoteRequest,
  GetPageReportRequest,
  SaveEditsRequest,
  ClearDiagnosticsRequest,
  SetInvitationOutcomeRequest,
]);

export const PageParsedReply = z.object({
  fit: z.nullable(Fit),
  urgency: z.nullable(Urgency),
  /** Invitations pages: one per row; `fit` null = nothing to score yet ("open to score"). */
  invitations: z.nullable(
    z.array(
      z.object({
        id: z.string(),
        fit: z.nullable(z.number()),
        urgency: InvitationUrgency,
        /** Its whole fit and unread fields, for the panel its badge opens. */
        /** `provisional`: scored from the row alone (client facts, message), the invitation not opened yet. */
        detail: z.nullable(z.object({ fit: Fit, missing: z.array(z.string()), provisional: z.boolean() })),
        /** The client's message (from the page state), for the panel's preview. */
        message: z.nullable(z.string()),
      }),
    ),
  ),
  missing: z.array(z.string()),
  /** The user's decline threshold (settings, scoring): the fit's colour bands on the page follow it. */
  declineBelow: z.number(),
});

export const TabPageReply = z.nullable(
  z.object({
    /** "tab": the page this tab last parsed; "last-invitation": the last invitation the user opened. */
    source: z.enum(["tab", "last-invitation"]),
    url: z.string(),
    readAt: timestamp,
    parsed: ParsedPage,
    fit: z.nullable(Fit),
    urgency: z.nullable(Urgency),
  }),
);

export const SetInvitationStateReply = z.object({ id: z.string(), pending: z.int() });

export const OpenDraftsReply = z.object({ opened: z.enum(["popup", "tab"]) });
export const DeclineNoteReply = z.object({ note: z.string(), reason: z.string() });
export const PageReportReply = z.object({ report: z.string().check(z.maxLength(MAX_REPORT_CHARS)) });

export const REPLY_DATA = {
  "page-parsed": PageParsedReply,
  "get-tab-page": TabPageReply,
  "set-invitation-state": SetInvitationStateReply,
  "open-drafts": OpenDraftsReply,
  "get-decline-note": DeclineNoteReply,
  "get-page-report": PageReportReply,
  "save-edits": z.object({ saved: z.boolean() }),
  "clear-diagnostics": z.object({ cleared: z.literal(true) }),
  "set-invitation-outcome": z.object({ id: z.string(), outcome: z.nullable(OutcomeKind) }),
} as const;

export type Request = z.infer<typeof Request>;
export type RequestType = Request["type"];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export type ReplyData<T extends RequestType> = z.infer<(typeof REPLY_DATA)[T]>;
export type Reply<T extends RequestType> = { ok: true; data: ReplyData<T> } | { ok: false; error: string };

export type PageParsedReply = z.infer<typeof PageParsedReply>;
export type TabPageReply = z.infer<typeof TabPageReply>;

const Envelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`;
}

/** Validates a reply as it arrives; a malformed reply becomes `{ ok: false }`, never a throw. */
export function parseReply<T extends RequestType>(type: T, raw: unknown): Reply<T> {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return { ok: false, error: `Invalid reply to ${type}: ${firstIssue(envelope.error)}` };
  if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
  const data = REPLY_DATA[type].safeParse(envelope.data.data);
  if (!data.success) return { ok: false, error: `Invalid reply to ${type}: ${firstIssue(data.error)}` };
  return { ok: true, data: data.data as ReplyData<T> };
}

export type Transport = (message: unknown) => Promise<unknown>;

/**
 * Sends a request to the background and returns its validated reply. An invalid request is refused
 * before sending; a failed send or a malformed reply comes back as `{ ok: false, error }`.
 */
export async function sendToBackground<T extends RequestType>(
  request: RequestOf<T>,
  send: Transport = (m) => browser.runtime.sendMessage(m),
): Promise<Reply<T>> {
  const checked = Request.safeParse(request);
  if (!checked.success) return { ok: false, error: `Invalid ${request.type} request: ${firstIssue(checked.error)}` };
  try {
    return parseReply(request.type, await send(checked.data));
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
