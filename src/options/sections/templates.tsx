import { DEFAULT_TEMPLATES, type Settings, type Templates } from "../../shared/settings";
import { TextArea, type FieldContext } from "../fields";
import { fieldId } from "../form";
import { PLACEHOLDERS } from "../placeholders";
import { headingId, titleOf } from "../route";
import { TemplatePreview, usePreviewDrafts, type PreviewJob } from "../preview";
import { TEMPLATES } from "../../shared/words/options";

const NAMES: Record<keyof Templates, string> = TEMPLATES.names;

export function TemplatesSection({
  ctx,
  draft,
  preview,
}: {
  ctx: FieldContext;
  draft: Settings;
  preview: PreviewJob | null;
}) {
  const templates = draft.templates;
  const drafts = usePreviewDrafts(preview, draft);
  return (
    <section id="templates" aria-labelledby={headingId("templates")} data-testid="section-templates">
      <h2 id={headingId("templates")} tabIndex={-1}>
        {titleOf("templates")}
      </h2>
      <p class="intro">{TEMPLATES.intro}</p>
      {(Object.keys(NAMES) as Array<keyof Templates>).map((key) => {
        const path = ["templates", key];
        const listId = `${fieldId(path)}-placeholders`;
        return (
          <div class="template" key={key} data-testid={`template-${key}`}>
            <h3>{NAMES[key]}</h3>
            <div class="template-editor">
              <TextArea
                ctx={ctx}
                path={path}
                label={TEMPLATES.template(NAMES[key])}
                labelHidden
                value={templates[key]}
                rows={key === "coverLetter" ? 12 : 7}
                wide
              />
              <button
                type="button"
                data-testid={`template-reset-${key}`}
                disabled={templates[key] === DEFAULT_TEMPLATES[key]}
                onClick={() => ctx.onChange(path, DEFAULT_TEMPLATES[key])}
              >
                {TEMPLATES.reset(NAMES[key])}
              </button>
              <TemplatePreview
                id={fieldId(path)}
                text={"unavailable" in drafts ? drafts : drafts[key]}
                jobTitle={preview?.job.title ?? null}
              />
            </div>
            {/* Not an <aside>: four "Placeholders" landmarks of one name would only clutter the landmark list. */}
            <div class="placeholders" role="group" aria-labelledby={listId}>
              <h4 id={listId}>{TEMPLATES.placeholders}</h4>
              <dl>
                {PLACEHOLDERS[key].map((p) => (
                  <div key={p.token}>
                    <dt>
                      <code>{`{{${p.token}}}`}</code>
                    </dt>
                    <dd>{p.text}</dd>
                  </div>
                ))}
              </dl>
            </div>
          </div>
        );
      })}
    </section>
  );
}
