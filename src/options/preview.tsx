/** The drafts as the drafting code would write them from the current (unsaved) templates, on the last opened job. */
import { useMemo } from "preact/hooks";
import { draftReply } from "../drafting";
import type { Client, Job } from "../shared/records";
import { Settings, type Templates } from "../shared/settings";
import { PREVIEW } from "../shared/words/options";

export interface PreviewJob {
  job: Job;
  client: Client | null;
  invited: boolean;
}

type Drafts = Record<keyof Templates, string>;

/** All four drafts at once (one drafting pass per edit), or the reason there are none. */
export function usePreviewDrafts(source: PreviewJob | null, draft: Settings): Drafts | { unavailable: string } {
  return useMemo(() => {
    if (!source) return { unavailable: PREVIEW.noJob };
    // Drafting expects valid settings; while a field is invalid, show why instead of a wrong preview.
    const valid = Settings.safeParse(draft);
    if (!valid.success) return { unavailable: PREVIEW.invalid };
    try {
      const d = draftReply(
        {
          kind: source.invited ? "invitation" : "job",
          job: source.job,
          client: source.client,
          questions: [],
          invited: source.invited,
        },
        valid.data,
      );
      return { coverLetter: d.coverLetter, decline: d.decline, referral: d.referral, followUp: d.followUp };
    } catch (e) {
      console.warn("[invitewise] preview failed", e);
      return { unavailable: PREVIEW.failed };
    }
  }, [source, draft]);
}

export function TemplatePreview({
  id,
  text,
  jobTitle,
}: {
  id: string;
  text: string | { unavailable: string };
  jobTitle: string | null;
}) {
  return (
    <div class="preview" data-testid={`preview-${id}`}>
      <h4 id={`${id}-preview-title`}>{jobTitle ? PREVIEW.on(jobTitle) : PREVIEW.title}</h4>
      {typeof text === "string" ? (
        <pre class="preview-text" aria-labelledby={`${id}-preview-title`} tabIndex={0}>
          {text}
        </pre>
      ) : (
        <p class="muted">{text.unavailable}</p>
      )}
    </div>
  );
}
