/** Anchors of the invitation detail page (REFERENCE.md §2.3; its DOM is the least documented). */
export const INVITATION = {
  messageHeadings: [/^(Original )?message from (the )?client$/i, /^Client'?s message$/i],
  messageAttr: "[data-test='client-message']",
  /** The client's words themselves (Upwork keeps their line breaks with a pre-line block). */
  messageText: ".text-pre-line, .multiline-text, [data-test='message-text']",
  /** Lines of the card that are about the message, not in it: who sent it and when. */
  messageMeta: /^(?:Received|Sent|Invited)\b/i,
  /** A block naming the sender: their avatar or a link to their profile or company. */
  sender: "img, .air3-avatar, a[href*='/companies/'], a[href*='/clients/'], a[href*='/freelancers/']",
  accept: /^Accept( interview| invitation| and send a proposal)?$/i,
  decline: /^Decline( invitation)?$/i,
  status: {
    declined: /You have declined this invitation|invitation (has been |was )?declined/i,
    accepted: /invitation (has been |was )?accepted|You accepted this invitation/i,
    expired: /invitation (has |is )?(expired|closed)|This job is no longer available|job (is|has been) closed/i,
    pending: /Pending invitation/i,
  },
  statusBox: "[role='status'], [role='alert'], .air3-alert",
};
