/**
 * The store listing's text, from the product itself: the name and summary are the manifest's (its
 * English locale), the permissions are the manifest's, each with the justification the Chrome Web
 * Store form asks for. `npm run store-assets` writes it to store/listing.md with the pictures; a unit
 * test (tests/unit/release/listing.test.ts) keeps the committed file equal to what this generates.
 * Edit the words here, never in store/listing.md.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { firefoxManifest } from "./firefox-manifest";

/** The Chrome Web Store's limit on the summary (the manifest's description). */
export const SUMMARY_MAX = 132;

/** The pictures, in the order the store shows them, with what each shows. */
export const SCREENSHOTS = [
  {
    file: "screenshot-1-list-badges.png",
    caption: "Every invitation on Upwork's list gets a fit score and its reply-by time",
  },
  {
    file: "screenshot-2-invitation-panel.png",
    caption: "The fit panel explains the score factor by factor, and names what it could not read",
  },
  {
    file: "screenshot-3-popup-drafts.png",
    caption: "Reply drafts in the popup: cover letter, terms, answers, decline and follow-up notes",
  },
  { file: "screenshot-4-options.png", caption: "Your rates, profile and skills, kept in your browser" },
  { file: "screenshot-5-ranking.png", caption: "All invitations ranked by how soon they need a reply" },
] as const;
export const SCREENSHOT_SIZE = { width: 1280, height: 800 } as const;
export const PROMO_TILE = { file: "promo-small-440x280.png", width: 440, height: 280 } as const;

export const CATEGORY = { chrome: "Productivity › Workflow & Planning", firefox: "Other" } as const;

export const SINGLE_PURPOSE =
  "Invitewise helps a freelancer answer Upwork invitations to interview: on the Upwork pages the user opens, it shows how well each client fits (a 0–100 score with its reasons) and how soon a reply is due, and drafts the reply in the toolbar popup. Everything it does serves that one purpose, on upwork.com only.";

/** Why each permission is needed, in the Chrome Web Store form's words ("… justification"). */
export const PERMISSION_JUSTIFICATIONS: Record<string, string> = {
  storage:
    "Keeps the user's settings (rates, profile, templates), what the Upwork pages they opened said about invitations and jobs, their edits to reply drafts and which invitations they marked answered, all in the browser's extension storage. Nothing is sent anywhere.",
  scripting:
    "Injects, only when the user clicks Insert in the popup, the code that fills Upwork's proposal form with their draft (it never submits), and, only when the user asks for a page report, the code that writes the page's redacted structure. Site access limits it to upwork.com tabs.",
  alarms:
    "Sets one local alarm at the moment the next waiting invitation's 24 hours to reply end, so the toolbar count of invitations to answer drops on time even when no Upwork page is open. It recounts what is stored and contacts no one.",
};

/** Why each host permission is needed ("Host permission justification"). */
export const HOST_JUSTIFICATIONS: Record<string, string> = {
  "https://www.upwork.com/*":
    "The extension reads the Upwork pages the user opens (invitations list, invitation, job, proposal form) to score the client and time the reply, shows its badges and panel on them, and fills the proposal form on request. It never fetches pages, refreshes, polls or submits anything, and runs on no other site.",
};

export const REMOTE_CODE =
  "No, I am not using remote code. All code is in the package; the extension loads no script, WebAssembly or code string from anywhere.";

export const DESCRIPTION = `Invitewise helps freelancers answer Upwork "Invitations to interview" faster and better. It works on the Upwork pages you open, inside your browser.

• A client-fit score from 0 to 100 for every invitation and job you open, explained factor by factor: hire rate, money spent, the rate the client pays against yours, what earlier freelancers said, red flags in the post. What it could not read is named, never guessed.
• On the invitations list, every row is scored before you open it (provisionally, from the row), with its "reply by" time: Upwork counts 24 hours from the invitation.
• The toolbar count shows how many invitations still wait for a reply.
• Reply drafts in the popup: a personal cover letter from your profile and the job, proposed terms, answers to screening questions, decline, referral and follow-up notes, and a check of your letter. Insert the draft into Upwork's proposal form with one click — Invitewise never submits for you.
• Your rates, profile, skills and templates on the options page; export and import them as a file.

Private by design: no account, no server, no analytics. Everything Invitewise keeps stays in your browser's storage, and you can export it or erase it all from the options page. Invitewise only reads pages you open yourself: it never opens, refreshes or submits anything on Upwork.

Invitewise is not made by or affiliated with Upwork.`;

/** Keeps a Chrome Web Store data-usage certification's exact wording. */
export const CERTIFICATIONS = [
  "I do not sell or transfer user data to third parties, outside of the approved use cases",
  "I do not use or transfer user data for purposes that are unrelated to my item's single purpose",
  "I do not use or transfer user data to determine creditworthiness or for lending purposes",
];

interface Manifest {
  name: string;
  description: string;
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
}

export interface ListingInput {
  manifest: Manifest;
  messages: Record<string, { message: string }>;
  version: string;
}

export async function readListingInput(root: string): Promise<ListingInput> {
  const read = async (path: string) => JSON.parse(await readFile(join(root, path), "utf8"));
  const pkg = (await read("package.json")) as { version: string };
  return {
    manifest: (await read("manifest.json")) as Manifest,
    messages: (await read("public/_locales/en/messages.json")) as Record<string, { message: string }>,
    version: pkg.version,
  };
}

/** A `__MSG_key__` reference resolved against the English locale. */
function localized(text: string, messages: ListingInput["messages"]): string {
  const key = /^__MSG_(\w+)__$/.exec(text)?.[1];
  if (!key) return text;
  const message = messages[key]?.message;
  if (message === undefined) throw new Error(`no English message for ${text}`);
  return message;
}

/** What a listing lacks or has too much of: permissions without words, words without permissions. */
export function listingProblems(input: ListingInput): string[] {
  const problems: string[] = [];
  const summary = localized(input.manifest.description, input.messages);
  if (summary.length > SUMMARY_MAX) problems.push(`the summary is ${summary.length} characters, over ${SUMMARY_MAX}`);
  const permissions = input.manifest.permissions ?? [];
  const hosts = new Set([
    ...(input.manifest.host_permissions ?? []),
    ...(input.manifest.content_scripts ?? []).flatMap((c) => c.matches),
  ]);
  for (const p of permissions)
    if (!PERMISSION_JUSTIFICATIONS[p]) problems.push(`no justification for the "${p}" permission`);
  for (const p of Object.keys(PERMISSION_JUSTIFICATIONS))
    if (!permissions.includes(p)) problems.push(`a justification for "${p}", which the manifest does not ask for`);
  for (const h of hosts) if (!HOST_JUSTIFICATIONS[h]) problems.push(`no justification for the host permission ${h}`);
  for (const h of Object.keys(HOST_JUSTIFICATIONS))
    if (!hosts.has(h)) problems.push(`a justification for ${h}, which the manifest does not ask for`);
  return problems;
}

/** store/listing.md. */
export function listingMarkdown(input: ListingInput): string {
  const problems = listingProblems(input);
  if (problems.length > 0) throw new Error(`The listing is not ready:\n  ${problems.join("\n  ")}`);
  const name = localized(input.manifest.name, input.messages);
  const summary = localized(input.manifest.description, input.messages);
  const hosts = [
    ...new Set([
      ...(input.manifest.host_permissions ?? []),
      ...(input.manifest.content_scripts ?? []).flatMap((c) => c.matches),
    ]),
  ];
  const firefox = firefoxManifest({ ...input.manifest }) as unknown as {
    browser_specific_settings: { gecko: { data_collection_permissions: { required: string[] } } };
  };
  const lines = [
    `# ${name} — store listing`,
    "",
    "<!-- Generated by `npm run store-assets` from scripts/store-listing.ts and manifest.json: edit those, not this file. -->",
    "",
    "## Store listing",
    "",
    `**Name:** ${name}`,
    "",
    `**Summary** (${summary.length}/${SUMMARY_MAX} characters, the manifest's description): ${summary}`,
    "",
    `**Category:** Chrome Web Store: ${CATEGORY.chrome}; addons.mozilla.org: ${CATEGORY.firefox}`,
    "",
    "**Language:** English",
    "",
    "**Description:**",
    "",
    ...DESCRIPTION.split("\n").map((line) => (line ? `> ${line}` : ">")),
    "",
    "## Graphic assets",
    "",
    `Screenshots (${SCREENSHOT_SIZE.width}×${SCREENSHOT_SIZE.height}, in this order):`,
    "",
    ...SCREENSHOTS.map((s, i) => `${i + 1}. \`store/${s.file}\` — ${s.caption}`),
    "",
    `Small promo tile (${PROMO_TILE.width}×${PROMO_TILE.height}): \`store/${PROMO_TILE.file}\``,
    "",
    "Store icon (128×128): `public/icons/icon-128.png`",
    "",
    "## Privacy practices",
    "",
    `**Single purpose description:** ${SINGLE_PURPOSE}`,
    "",
    ...(input.manifest.permissions ?? []).flatMap((p) => [
      `**${p} justification:** ${PERMISSION_JUSTIFICATIONS[p]}`,
      "",
    ]),
    `**Host permission justification** (${hosts.map((h) => `\`${h}\``).join(", ")}): ${hosts.map((h) => HOST_JUSTIFICATIONS[h]).join(" ")}`,
    "",
    `**Are you using remote code?** ${REMOTE_CODE}`,
    "",
    "**Data usage:** no user data is collected: none of the form's data types is checked (everything stays in the browser's extension storage and never reaches the developer). Certified:",
    "",
    ...CERTIFICATIONS.map((c) => `- [x] ${c}`),
    "",
    `**Privacy policy URL:** the published PRIVACY.md of this version (the same text is in the extension's options page, at \`#privacy\`).`,
    "",
    "## addons.mozilla.org",
    "",
    `**Summary:** ${summary}`,
    "",
    `**Data collection** (manifest \`data_collection_permissions\`): ${firefox.browser_specific_settings.gecko.data_collection_permissions.required.join(", ")}`,
    "",
    "**Source code:** `packages/invitewise-source-<version>.zip` (`npm run release -- <version>`); build with `npm ci && npx vite build --mode firefox` (Node 20+), output in `dist-firefox/`.",
    "",
    "**Privacy policy:** the text of PRIVACY.md.",
    "",
  ];
  return lines.join("\n");
}
