import { useState } from "preact/hooks";
import type { PortfolioItem, Profile, SpecializedProfile } from "../../shared/settings";
import { ListField, NumberField, TextArea, TextField, type FieldContext } from "../fields";
import { errorId, fieldId, pathKey } from "../form";
import { headingId, titleOf } from "../route";
import { PROFILE } from "../../shared/words/options";

export function ProfileSection({
  ctx,
  profile,
  seenSkills,
}: {
  ctx: FieldContext;
  profile: Profile;
  seenSkills: string[];
}) {
  return (
    <section id="profile" aria-labelledby={headingId("profile")} data-testid="section-profile">
      <h2 id={headingId("profile")} tabIndex={-1}>
        {titleOf("profile")}
      </h2>
      <p class="intro">{PROFILE.intro}</p>
      <div class="grid">
        <TextField
          ctx={ctx}
          path={["profile", "name"]}
          label={PROFILE.name}
          value={profile.name}
          autocomplete="name"
          hint={PROFILE.nameHint}
        />
        <TextField ctx={ctx} path={["profile", "headline"]} label={PROFILE.headline} value={profile.headline} />
      </div>
      <TextArea ctx={ctx} path={["profile", "overview"]} label={PROFILE.overview} value={profile.overview} rows={5} />
      <SkillsEditor ctx={ctx} skills={profile.skills} seenSkills={seenSkills} />
      <SpecializedProfiles ctx={ctx} items={profile.specializedProfiles} />
      <Portfolio ctx={ctx} items={profile.portfolio} />
    </section>
  );
}

function SkillsEditor({ ctx, skills, seenSkills }: { ctx: FieldContext; skills: string[]; seenSkills: string[] }) {
  const [text, setText] = useState("");
  const path = ["profile", "skills"];
  const has = (s: string) => skills.some((k) => k.toLowerCase() === s.toLowerCase());
  const add = (raw: string) => {
    const names = raw
      .split(",")
      .map((s) => s.replace(/\s+/g, " ").trim())
      .filter((s) => s && !has(s));
    if (names.length) ctx.onChange(path, [...skills, ...new Set(names)]);
    setText("");
  };
  const suggestions = seenSkills.filter((s) => !has(s)).slice(0, 12);
  const error = ctx.errors[pathKey(path)];
  return (
    <div class={`field field--wide${error ? " field--invalid" : ""}`}>
      <label for={fieldId(path)}>{PROFILE.skills}</label>
      <ul class="chips" aria-label={PROFILE.yourSkills} data-testid="skills-list">
        {skills.map((skill, i) => (
          <li class="chip" key={skill}>
            <span>{skill}</span>
            <button
              type="button"
              class="chip-remove"
              aria-label={PROFILE.removeSkill(skill)}
              onClick={() =>
                ctx.onChange(
                  path,
                  skills.filter((_, j) => j !== i),
                )
              }
            >
              ×
            </button>
          </li>
        ))}
        {skills.length === 0 && <li class="muted">{PROFILE.noSkills}</li>}
      </ul>
      <div class="row">
        <input
          id={fieldId(path)}
          data-testid="field-profile.skills"
          type="text"
          list="seen-skills"
          value={text}
          aria-describedby={[`${fieldId(path)}-hint`, error ? errorId(path) : ""].filter(Boolean).join(" ")}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add(text);
            }
          }}
        />
        <button type="button" data-testid="skills-add" onClick={() => add(text)} disabled={!text.trim()}>
          {PROFILE.addSkill}
        </button>
      </div>
      <datalist id="seen-skills">
        {suggestions.map((s) => (
          <option value={s} key={s} />
        ))}
      </datalist>
      <p class="hint" id={`${fieldId(path)}-hint`}>
        {PROFILE.skillsHint}
      </p>
      {error && (
        <p class="error" id={errorId(path)}>
          {error}
        </p>
      )}
      {suggestions.length > 0 && (
        <div class="suggestions" data-testid="skill-suggestions">
          <span id="suggest-label">{PROFILE.seenOnJobs}</span>
          <ul class="chips" aria-labelledby="suggest-label">
            {suggestions.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  class="chip chip--add"
                  aria-label={PROFILE.addSeenSkill(s)}
                  onClick={() => add(s)}
                >
                  + {s}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function ItemControls({ label, onRemove, testid }: { label: string; onRemove(): void; testid: string }) {
  return (
    <button type="button" class="danger" data-testid={testid} onClick={onRemove}>
      Remove {label}
    </button>
  );
}

function SpecializedProfiles({ ctx, items }: { ctx: FieldContext; items: SpecializedProfile[] }) {
  const base = ["profile", "specializedProfiles"];
  const add = () => {
    ctx.onChange(base, [...items, { name: "", skills: [], hourlyRate: null }]);
    focusLater(fieldId([...base, items.length, "name"]));
  };
  return (
    <div class="subsection">
      <h3>{PROFILE.specialized}</h3>
      <p class="intro">{PROFILE.specializedIntro}</p>
      {items.map((item, i) => (
        <fieldset class="card" key={i} data-testid={`specialized-${i}`}>
          <legend>{item.name || PROFILE.specializedN(i + 1)}</legend>
          <div class="grid">
            <TextField ctx={ctx} path={[...base, i, "name"]} label={PROFILE.profileName} value={item.name} />
            <NumberField
              ctx={ctx}
              path={[...base, i, "hourlyRate"]}
              label={PROFILE.hourlyRate}
              unit={PROFILE.perHour}
              value={item.hourlyRate}
            />
          </div>
          <ListField ctx={ctx} path={[...base, i, "skills"]} label={PROFILE.skills} value={item.skills} />
          <ItemControls
            label={item.name || PROFILE.specializedNamed(i + 1)}
            testid={`specialized-remove-${i}`}
            onRemove={() =>
              ctx.onChange(
                base,
                items.filter((_, j) => j !== i),
              )
            }
          />
        </fieldset>
      ))}
      <button type="button" data-testid="specialized-add" onClick={add}>
        {PROFILE.addSpecialized}
      </button>
    </div>
  );
}

function Portfolio({ ctx, items }: { ctx: FieldContext; items: PortfolioItem[] }) {
  const base = ["profile", "portfolio"];
  const add = () => {
    ctx.onChange(base, [...items, { title: "", url: "", skills: [], outcome: "" }]);
    focusLater(fieldId([...base, items.length, "title"]));
  };
  return (
    <div class="subsection">
      <h3>{PROFILE.portfolio}</h3>
      <p class="intro">{PROFILE.portfolioIntro}</p>
      <ol class="cards" data-testid="portfolio-list">
        {items.map((item, i) => (
          <li key={i}>
            <fieldset class="card" data-testid={`portfolio-${i}`}>
              <legend>{item.title || PROFILE.portfolioN(i + 1)}</legend>
              <div class="grid">
                <TextField ctx={ctx} path={[...base, i, "title"]} label={PROFILE.title} value={item.title} />
                <TextField
                  ctx={ctx}
                  path={[...base, i, "url"]}
                  label={PROFILE.link}
                  type="url"
                  value={item.url}
                  placeholder="https://"
                />
              </div>
              <ListField ctx={ctx} path={[...base, i, "skills"]} label={PROFILE.skills} value={item.skills} />
              <TextArea
                ctx={ctx}
                path={[...base, i, "outcome"]}
                label={PROFILE.outcome}
                value={item.outcome}
                rows={2}
                hint={PROFILE.outcomeHint}
              />
              <ItemControls
                label={item.title || PROFILE.portfolioNamed(i + 1)}
                testid={`portfolio-remove-${i}`}
                onRemove={() =>
                  ctx.onChange(
                    base,
                    items.filter((_, j) => j !== i),
                  )
                }
              />
            </fieldset>
          </li>
        ))}
      </ol>
      {items.length === 0 && <p class="muted">{PROFILE.noPortfolio}</p>}
      <button type="button" data-testid="portfolio-add" onClick={add}>
        {PROFILE.addPortfolio}
      </button>
    </div>
  );
}

/** Moves focus to a field rendered on the next frame (after an "Add" button). */
function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
