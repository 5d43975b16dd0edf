/**
 * The catalogue's insights part: the Insights page's headings, figures, chart texts, buttons and
 * statuses. English; a second language is a second table of the same shape. Factor names come from
 * the fit part (`factorLabel`). The charts' bucket labels ("1–4 h", "0–39") are still made in
 * src/insights/stats.ts with the figures they bound.
 */

export const INSIGHTS = {
  readFailed: (error: string) => `Could not read the invitation log: ${error}`,
  reading: "Reading the invitation log…",
  title: "Invitewise insights",
  intro:
    "From the invitations your opened Upwork pages showed, kept in this browser only. Nothing is fetched to learn it.",
  sample: "Sample data:",
  sampleNote: "this log was seeded by the demo from the sample pages. It is not yours.",
  damaged: "Part of the log was damaged and left out (see Diagnostics in the settings).",
  thresholdSet: (threshold: number) => `Decline threshold set to ${threshold}.`,
  thresholdFailed: (error: string) => `Could not save the threshold: ${error}`,
  dismissed: "Suggestion dismissed. Nothing was changed.",
  outcomeSaved: "Outcome saved.",
  saveFailed: (error: string) => `Could not save that: ${error}`,

  yourLog: "Your log",
  logged: (n: number) =>
    `${n} invitations logged (at most 5,000, two years; the oldest go first). The settings export carries the log too.`,
  exportCsv: "Export as CSV",
  backupLink: "Settings export and import",

  // The charts.
  perWeek: "Invitations per week",
  weeksSummary: (total: number, weeks: number, most: number) =>
    `${total} invitations over ${weeks} weeks, at most ${most} in a week.`,
  noInvitations: "No invitations yet.",
  invitations: "Invitations",
  weekFrom: "Week from (month-day)",
  noInvitationsLogged: "No invitations logged yet: open the Proposals page on Upwork and they will show here.",
  timeToReply: "Time to reply",
  replySummary: (answered: number, median: string, within24h: number) =>
    `${answered} replies; median ${median}; ${within24h} within 24 hours.`,
  noReplies: "No replies yet.",
  replies: "Replies",
  noRepliesLogged: "No replies logged yet: mark your replies in the popup (“I accepted it” / “I declined it”).",
  seenOnPage: (n: number) =>
    `${n} of the replies were learnt from the invitation page's status when you opened it again: their time is at most that long.`,
  byFit: "What you accept, by fit",
  acceptedByBand: "Accepted and declined by fit band",
  bandReplies: (band: string, accepted: number, declined: number) =>
    `${band}: ${accepted} accepted, ${declined} declined`,
  accepted: "Accepted",
  declined: "Declined",
  fitBand: "Fit band",
  noRepliesYet: "No replies logged yet.",
  outcomesByBand: "Offers and hires by fit band",
  bandOutcomes: (band: string, offers: number, hired: number) => `${band}: ${offers} offers, ${hired} hired`,
  offers: "Offers",
  hired: "Hired",
  noOffersLogged: "No offers or hires logged yet: offers show when you open the Proposals page; mark hires below.",

  // The summary figures.
  summary: "Summary",
  total: "Invitations",
  answered: "Answered",
  median: "Median time to reply",
  within24h: "Answered within 24 h",
  share: (percent: string, within: number, due: number) => `${percent} (${within} of ${due})`,
  none: "–",
  upworkCounts:
    "Upwork counts the share of invitations answered within 24 hours; declining politely counts as an answer.",

  // The best clients.
  best: "The clients behind your best outcomes",
  noOffers: "No offers or hires logged yet.",
  shared: "What they shared:",
  sharedFactor: (factor: string, best: string, others: string) =>
    `${factor} (${best} of its points, against ${others})`,
  job: "Job",
  fit: "Fit",
  outcome: "Outcome",
  strongOn: "Strong on",
  invitation: (id: string) => `Invitation ${id}`,
  offer: "Offer",

  // The learnt threshold.
  learn: "Your score against your choices",
  noScoredReply: "No scored invitation has a reply yet.",
  agreement: (replies: number, acceptedUnder: number, threshold: number, declinedOver: number) =>
    `Of your ${replies} replies to scored invitations, you accepted ${acceptedUnder} scoring under your decline threshold (${threshold}) and declined ${declinedOver} at or over it.`,
  separates: "What separates what you accept from what you decline most:",
  separatingFactor: (factor: string, accepted: string, declined: string) =>
    `${factor} (accepted ${accepted} of its points, declined ${declined})`,
  setTo: (threshold: number) => `Set it to ${threshold}`,
  dismiss: "Dismiss",
  noChange: "No change to suggest:",
  youDismissed: "you dismissed the last suggestion.",
  fitsOrTooFew: "the threshold fits your replies, or there are too few of them yet (10, with 3 of each kind).",

  /** The learnt threshold, with its evidence: "You accepted 9 of 10 invitations scoring 45 or more …". */
  suggestion: (
    s: {
      acceptedOver: number;
      accepted: number;
      threshold: number;
      declinedUnder: number;
      declined: number;
      agreement: number;
    },
    current: { threshold: number; agreement: number },
    replies: number,
  ) =>
    `You accepted ${s.acceptedOver} of ${s.accepted} invitations scoring ${s.threshold} or more and declined ` +
    `${s.declinedUnder} of ${s.declined} under ${s.threshold}; at your current threshold (${current.threshold}) the score ` +
    `agrees with ${current.agreement} of your ${replies} replies, at ${s.threshold} with ${s.agreement}. ` +
    `Set the decline threshold to ${s.threshold}?`,

  // What accepted invitations brought.
  outcomes: "What your accepted invitations brought",
  noAccepted: "No accepted invitation logged yet.",
  acceptedOn: "Accepted",
  outcomeOf: (title: string) => `Outcome of ${title}`,
  offerSeen: "Offer seen",
  outcomeKind: { hired: "Hired", "not-hired": "Not hired", "no-answer": "No answer" },
};
