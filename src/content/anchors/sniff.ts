/** Markers that tell a page's kind from its content, for saved files with no address. Checked in order. */
export const SNIFF: ReadonlyArray<
  readonly ["invitations" | "invitation" | "apply" | "proposal" | "job" | "home", string | RegExp]
> = [
  ["apply", ".fe-job-apply, textarea[aria-labelledby='cover_letter_label']"],
  ["proposal", "[data-test='proposal-details'], [data-cy='cover-letter-section']"],
  ["invitations", "[data-qa='card-invitations'], .invitations-card-view"],
  ["invitations", /^(?:Invitations to (?:interview|apply)|Invites from clients)\b/i],
  ["invitation", /^Invitation to (?:interview|apply)$/i],
  ["job", ".job-details-card, [data-test='about-client-container'], .cfe-about-client-v2, ul.client-activity-items"],
  ["job", /^(About the client|Activity on this job)$/i],
  ["home", "[data-test='my-proposals'], [data-test='freelancer-menu']"],
  ["home", /^My Proposals$/i],
];
