/** What a parsed page gives the drafting: shared by the popup and the `draft` command. */
import type { ParsedPage } from "../shared/records";
import type { DraftInput } from "./index";

/** The drafting input a parsed page provides, or a sentence saying why it provides none. */
export function draftInputFor(parsed: ParsedPage, url: string): DraftInput | string {
  switch (parsed.kind) {
    case "invitation":
      return {
        kind: "invitation",
        job: parsed.record.job,
        client: parsed.record.client,
        questions: parsed.record.job.questions,
        invited: true,
      };
    case "job":
      return {
        kind: "job",
        job: parsed.record.job,
        client: parsed.record.client,
        questions: parsed.record.job.questions,
        invited: false,
      };
    case "apply":
      return {
        kind: "apply",
        job: parsed.record.job,
        client: null,
        questions: parsed.record.form.questions,
        // The invitation "Accept" route leads to the same form; the letter then thanks for the invite.
        invited: /\/interview\/(uid\/)?\d+\/accept/.test(url),
      };
    default:
      return `nothing to draft on a ${parsed.kind} page: open an invitation, job or apply page`;
  }
}
