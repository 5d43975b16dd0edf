/**
 * The catalogue's options part: the page's frame (title, navigation, first-run banner, save bar,
 * statuses), the sections' names, the scoring settings' labels and the template preview's notes.
 * English; a second language is a second table of the same shape. (The sections' own help texts
 * are still written in their components: issue 16.)
 */

export const OPTIONS = {
  title: "Invitewise settings",
  loading: "Loading settings…",
  loadFailed: "Settings could not be loaded:",
  skipTo: (section: string) => `Skip to ${section}`,
  sections: "Sections",
  settings: "Settings",
  insights: "Insights",
  toFix: (n: number) => `${n} to fix`,
  unsaved: "unsaved",
  unsavedElsewhere: "Your settings have unsaved changes:",
  backTo: (section: string) => `back to ${section}`,
  toSaveOrDiscard: "to save or discard them.",
  startHere: "Start here",
  fillIn: "Fill in",
  and: " and ",
  firstRunWhy:
    "first, then save: the fit score and the drafts use them. Until then the popup and the score work on defaults.",
  /** What the first-run banner asks for, by settings path. */
  toFill: { "rates.hourly": "your hourly rate", "profile.name": "your name", "profile.skills": "your skills" },
  discardKept: (section: string) => `Discard the kept copy of ${section} (export first to keep it)`,
  needAttention: (n: number) => `${n} ${n === 1 ? "field needs" : "fields need"} attention:`,
  next: (section: string) => `Next: ${section}`,
  saved: "Saved.",
  notSaved: (why: string) => `Not saved: ${why}`,
  imported: "Imported and saved.",
  discarded: "Changes discarded.",
  unsavedChanges: "Unsaved changes",
  allSaved: "All changes saved",
  saving: "Saving…",
  save: "Save settings",
  discard: "Discard changes",
  privacy: "Privacy policy",
};

/** Each section's name: its heading and its link in the navigation. */
export const SECTION_TITLE = {
  rates: "Rates and minimums",
  profile: "Profile and skills",
  templates: "Templates",
  scoring: "Scoring",
  backup: "Export and import",
  diagnostics: "Diagnostics",
} as const;

/** The scoring thresholds' and urgency settings' labels and units; a key added later shows by its name. */
export const SETTING_LABELS: Record<string, [string, string?]> = {
  hireRateGood: ["Good hire rate from", "%"],
  hireRatePoor: ["Poor hire rate below", "%"],
  hireRateFullEvidencePosts: ["Jobs posted for a trusted hire rate", "jobs"],
  spentEstablished: ["Established client from", "USD"],
  spentStrong: ["Strong client from", "USD"],
  avgHourlyFloor: ["Low payer below", "USD/h"],
  ratingGood: ["Good client rating from", "★"],
  ratingPoor: ["Poor client rating below", "★"],
  ratingFullEvidenceReviews: ["Reviews for a trusted rating", "reviews"],
  historyComplaintBelow: ["Freelancer's rating that counts as a complaint, below", "★"],
  historyPatternCount: ["Complaints that make a pattern", "complaints"],
  accountMatureDays: ["Account established after", "days"],
  proposalsCrowded: ["Crowded job from", "proposals"],
  declineBelow: ["Suggest declining below score", "/100"],
  avgRateFullEvidenceHours: ["Hours billed for a trusted average rate", "hours"],
  historyFullEvidenceRatings: ["Rated past jobs for a trusted history", "ratings"],
  skillsFullMatchShare: ["Share of the job's skills for a full match", "0–1"],
  postRedFlagCap: ["Highest score for a post asking to leave Upwork", "/100"],
  shortPostChars: ["Post too short to quote for, under", "characters"],
  replyWindowHours: ["Upwork's reply window", "hours"],
  nowHoursLeft: ["Answer now when less than this is left", "hours"],
  clientActiveMinutes: ["Client active when last seen within", "minutes"],
  freshMinutes: ["Invitation fresh for", "minutes"],
};

/** The templates' preview. */
export const PREVIEW = {
  noJob: "Open an invitation on Upwork to see these filled in for it.",
  invalid: "The preview returns once every field is valid.",
  failed: "No preview: the drafting code could not fill this template.",
  on: (jobTitle: string) => `Preview on “${jobTitle}”`,
  title: "Preview",
};

/** The rates section. */
export const RATES = {
  intro: "What you charge. The score compares clients' budgets and past rates with these; drafts propose them.",
  hourly: "Hourly rate",
  minimumHourly: "Minimum hourly rate",
  minimumHourlyHint: "Jobs below this score lower.",
  minimumFixed: "Minimum fixed-price project",
  preferredPayment: "Preferred payment",
  payment: { hourly: "Hourly", fixed: "Fixed price", milestone: "Fixed price by milestones" },
  perHour: "USD/h",
  usd: "USD",
};

/** The scoring section. */
export const SCORING = {
  intro: (total: number) =>
    `How the fit score weighs what it sees. Weights are relative: they are rescaled over the factors a page shows (now ${total} in all).`,
  weights: "Factor weights",
  weight: "weight",
  thresholds: "Thresholds",
  urgency: "Urgency windows",
  resetGroup: (title: string) => `Reset ${title.toLowerCase()} to defaults`,
  byDefault: (value: number) => `Default: ${value}`,
  changed: (value: number) => `Default: ${value} (changed)`,
  resetAll: "Reset all scoring to defaults",
};

/** The templates section (the placeholders' descriptions are in src/options/placeholders.ts). */
export const TEMPLATES = {
  intro:
    "The drafts start from these. Placeholders in double braces are filled from the job; text in [square brackets] is for you to write. An empty template uses the built-in one.",
  names: { coverLetter: "Cover letter", decline: "Decline", referral: "Referral", followUp: "Follow-up" },
  template: (name: string) => `${name} template`,
  reset: (name: string) => `Reset ${name.toLowerCase()} to default`,
  placeholders: "Placeholders",
};

/** The form fields' shared words. */
export const FIELDS = {
  commas: "Separate with commas.",
};

/** The export and import section. The intro names the file format's keys, so it comes in parts around them. */
export const BACKUP = {
  introStart:
    "Export your settings to a file to keep a copy or move them to another browser; import one to restore them. The export is a JSON settings file other tools read (the command line's",
  introMiddle: "takes it too). It includes any damaged stored values under",
  introEnd: ".",
  export: "Export settings file",
  exportFailed: (error: string) => `Export failed: ${error}`,
  import: "Import a settings file",
  previewFirst: "You will see what changes before anything is applied.",
  replacesEdits: " Importing replaces your unsaved edits.",
  notImported: (error: string) => `This file was not imported, and nothing changed: ${error}`,
  unreadable: (error: string) => `The file could not be read (${error})`,
  importFailed: (error: string) => `Import failed; nothing was changed (${error})`,
  matches: (file: string) => `${file} matches your saved settings`,
  changes: (file: string, n: number) => `${file} changes ${n} ${n === 1 ? "value" : "values"}`,
  migrated: (steps: string[]) => `The file is from an older version and was updated: ${steps.join("; ")}.`,
  changesTable: "Changes",
  setting: "Setting",
  now: "Now",
  after: "After import",
  apply: "Apply import",
  cancel: "Cancel",
  unset: "—",
  empty: "(empty)",
};

/** The profile section. */
export const PROFILE = {
  intro: "Who you are. Skills decide the skills match; the rest feeds the drafts.",
  name: "Name",
  nameHint: "As you sign your messages.",
  headline: "Headline",
  overview: "Overview",
  skills: "Skills",
  yourSkills: "Your skills",
  removeSkill: (skill: string) => `Remove skill ${skill}`,
  noSkills: "No skills yet.",
  addSkill: "Add skill",
  skillsHint: "Type a skill and press Enter; several at once separated by commas.",
  seenOnJobs: "Seen on jobs you opened:",
  addSeenSkill: (skill: string) => `Add skill ${skill}`,
  specialized: "Specialized profiles",
  specializedIntro:
    "Upwork specialized profiles, each with its own skills and rate. A job it fits best (the skill match in the fit panel names it) is quoted at its rate.",
  specializedN: (n: number) => `Specialized profile ${n}`,
  specializedNamed: (n: number) => `specialized profile ${n}`,
  profileName: "Profile name",
  hourlyRate: "Hourly rate",
  perHour: "USD/h",
  addSpecialized: "Add specialized profile",
  portfolio: "Portfolio",
  portfolioIntro: "Past work the cover letter can point to: the item whose skills match the job best is suggested.",
  portfolioN: (n: number) => `Portfolio item ${n}`,
  portfolioNamed: (n: number) => `portfolio item ${n}`,
  title: "Title",
  link: "Link",
  outcome: "Outcome",
  outcomeHint: "The result, in one line: numbers help.",
  noPortfolio: "No portfolio items yet.",
  addPortfolio: "Add portfolio item",
};

/** Your data and privacy (under export and import). */
export const YOUR_DATA = {
  title: "Your data and privacy",
  local: "Everything Invitewise keeps stays in this browser's extension storage; nothing is sent anywhere.",
  readPolicy: "Read the privacy policy",
  policy: "Privacy policy",
  exportAll: "Export all data",
  eraseAll: "Erase all data…",
  exportFailed: (error: string) => `Export failed: ${error}`,
  countFailed: (error: string) => `Could not read what is stored: ${error}`,
  notAllErased: (left: Array<[string, string[]]>) =>
    `Not everything was erased: ${left.map(([area, keys]) => `${keys.length} in storage.${area}`).join(", ")}. Try again.`,
  erased: (areas: string[]) => `All data erased (${areas.map((a) => `storage.${a}`).join(", ")} empty).`,
  eraseFailed: (error: string) => `Erase failed: ${error}`,
  confirmTitle: "Erase everything Invitewise stores?",
  confirmText: (total: number) =>
    `Your settings, the pages read, your draft edits, your marks on invitations and every other stored item (${total} ${total === 1 ? "item" : "items"}) go, in this browser and in the settings your browser syncs. Export first to keep a copy. This cannot be undone.`,
  confirm: "Erase all data",
  cancel: "Cancel",
};

/** The diagnostics section. */
export const DIAGNOSTICS = {
  kinds: {
    invitations: "Invitations list",
    invitation: "Invitation",
    job: "Job",
    apply: "Proposal form",
    proposal: "Proposal",
    home: "Find work",
  } as Record<string, string>,
  copied: "Report copied. Paste it into your bug report.",
  blocked: "Copying was blocked; select the report below and copy it.",
  readingPage: "Reading the open Upwork page…",
  intro:
    "Upwork pages that were read with some fields missing, read only through a fallback (Upwork renamed what Invitewise looks for first), or where the page and the data Upwork embeds in it disagree — usually after Upwork changed its layout. Only field names are kept, never page text.",
  empty: "No pages with missing fields so far.",
  table: "Pages read with missing fields",
  when: "When",
  page: "Page",
  missing: "Missing fields",
  fallbacks: "Read through a fallback",
  disagree: "Page and page data disagree",
  more: (n: number) => ` (+${n} more)`,
  logRestarted: "the invitation log could not be read and started again empty.",
  logDropped: (n: number) => `${n} damaged entries of the invitation log were left out.`,
  storageFull: (evicted: number, saved: boolean) =>
    `the browser's storage for Invitewise was full. ${evicted} of the oldest saved pages were removed to make room, and ${saved ? "the page was then saved." : "the page still could not be saved."}`,
  copyReport: "Copy report",
  clear: "Clear",
  clearFailed: (error: string) => `Could not clear: ${error}`,
  cleared: "Diagnostics cleared.",
  pageReportIntro:
    "When a page does not read right, a report of the open Upwork page helps us fix it: the page's structure with every text reduced to its shape (letters become x, numbers 1 and 0), Upwork's own labels kept, and no scripts, form values or addresses of images — what the parsers look for, not what the client or you wrote.",
  copyPageReport: "Copy a report of the open Upwork page",
  report: "Report",
};
