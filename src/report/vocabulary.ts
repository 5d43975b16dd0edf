/**
 * The words a page report keeps as they are: Upwork's fixed labels ("About the client", "hire rate",
 * "Less than 30 hrs/week") and route words ("jobs", "proposals"), so the parsers still find their
 * labels and the address still names the page kind. Every other word of the page becomes its shape.
 *
 * Built from the anchor tables' label patterns (a label added there is kept without a second list to
 * update) plus the words the parsers match inline (values.ts and parse/*.ts), listed below; a unit test
 * checks that every word of every pattern in src/content/anchors and src/content/parse is here.
 */
import * as applyAnchors from "../content/anchors/apply";
import * as homeAnchors from "../content/anchors/home";
import * as invitationAnchors from "../content/anchors/invitation";
import * as invitationsAnchors from "../content/anchors/invitations";
import * as jobAnchors from "../content/anchors/job";
import * as proposalAnchors from "../content/anchors/proposal";
import * as sniffAnchors from "../content/anchors/sniff";
import { ROUTES } from "../content/routes";

/** Label words the parsers match outside the anchor tables (values.ts, parse/*.ts), and Upwork's labels around them. */
const LABELS = `
  About the client; Payment method verified; Payment verified; Payment unverified; not verified; Member since;
  jobs posted; hire rate; open job; open jobs; total spent; spent; hires; hire; active; avg hourly rate paid;
  hours; hour; hr; hrs; week; Proposals; Less than; More than; to; Last viewed by client; Interviewing;
  Invites sent; Unanswered invites; Client's recent history; Client's work history; To freelancer;
  No feedback given; Fixed-price; Hourly; Billed; Connects; Send a proposal for;
  Required Connects to submit a proposal; required Connects; Available Connects; Posted; ago; just now;
  moment; moments ago; few seconds ago; second; seconds; minute; minutes; hours; day; days; week; weeks; month;
  months; year; years; yesterday; last; an; Expert; Intermediate; Entry level; Experience level;
  Hours to be determined; I'm not sure; Received; Invitations to interview; Free to apply; Summary;
  Bid range; High; Avg; Low; Rating is; out of; reviews; review; AM; PM; project; Project Type;
  You will be asked to answer the following questions; Additional details; profile rate; remaining; have;
  characters left; new invitation; new invitations; new invite; new invites; more; Job details;
  View job posting; Cover letter; Skills and Expertise; My Proposals; Activity on this job; By project;
  By milestone
`;

const MONTHS =
  "Jan January Feb February Mar March Apr April May Jun June Jul July Aug August Sep Sept September Oct October Nov November Dec December";

/** Route words beyond the page kinds' routes: the profile, company and search paths a page links to. */
const ROUTE_EXTRAS = "freelancers companies clients agencies search messages o";

/** Whole phrases kept as they are, digits included: the fixed options the parsers read by their figures. */
export const KEPT_PHRASES: readonly RegExp[] = [
  ...[...jobAnchors.JOB.hoursPerWeek, ...jobAnchors.JOB.duration].filter((a): a is RegExp => a instanceof RegExp),
  /\bout of 5\b/,
  /\bU\.S\. only\b/,
  /\b(?:1|3)\s?[-–]\s?(?:3|6) months\b|\b6\+ months\b|<\s?1 month\b/,
];

/**
 * The literal words of a pattern's source: escapes, character classes and group syntax are not words;
 * a letter made optional ("jobs?", "hrs?") gives both spellings.
 */
export function patternWords(source: string): string[] {
  const literal = source
    .replace(/\\[pPu]\{[^}]*\}/g, " ")
    .replace(/\[(?:\\.|[^\]\\])*\]/g, " ")
    .replace(/\(\?(?:[:=!]|<[=!]|<\w+>)/g, " ")
    .replace(/\\./g, " ")
    .replace(/\{\d+(?:,\d*)?\}/g, " ");
  const out: string[] = [];
  for (const m of literal.matchAll(/([A-Za-z]+)(\?)?/g)) {
    out.push(m[1]!);
    if (m[2]) out.push(m[1]!.slice(0, -1));
  }
  return out;
}

/** Every RegExp in a module's exported tables (objects, arrays and tuples, any depth: they are small). */
function patternsOf(value: unknown, out: RegExp[] = []): RegExp[] {
  if (value instanceof RegExp) out.push(value);
  else if (Array.isArray(value)) for (const v of value) patternsOf(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) patternsOf(v, out);
  return out;
}

const ANCHOR_TABLES = [
  applyAnchors,
  homeAnchors,
  invitationAnchors,
  invitationsAnchors,
  jobAnchors,
  proposalAnchors,
  sniffAnchors,
];

const lowerSet = (words: Iterable<string>) => new Set([...words].map((w) => w.toLowerCase()));
/** Words of two letters or more (one-letter words would keep a name's initial; see shape.ts). */
const longWords = (text: string) => text.split(/[^A-Za-z]+/).filter((w) => w.length > 1);

/** Label words, lower case; a page word is kept when its lower case is here. */
export const LABEL_WORDS: ReadonlySet<string> = lowerSet([
  ...patternsOf(ANCHOR_TABLES)
    .flatMap((re) => patternWords(re.source))
    .filter((w) => w.length > 1),
  ...longWords(LABELS),
  ...longWords(MONTHS),
]);

/** Path words of Upwork's addresses, lower case (hyphenated ones split: "find-work" is "find", "work"). */
export const ROUTE_WORDS: ReadonlySet<string> = lowerSet([
  ...ROUTES.flatMap(([, re]) => patternWords(re.source)),
  ...ROUTE_EXTRAS.split(" "),
]);
