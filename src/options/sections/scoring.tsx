import { FACTOR_IDS, type Settings } from "../../shared/settings";
import { NumberField, type FieldContext } from "../fields";
import { headingId, titleOf } from "../route";
import { factorLabel, SCORING, SETTING_LABELS } from "../../shared/words";

type Scoring = Settings["scoring"];

const humanize = (key: string) => key.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());

function Group({
  ctx,
  name,
  title,
  values,
  defaults,
  keys,
  labelOf,
}: {
  ctx: FieldContext;
  name: "weights" | "thresholds" | "urgency";
  title: string;
  values: Record<string, number>;
  defaults: Record<string, number>;
  keys: readonly string[];
  labelOf(key: string): [string, string?];
}) {
  const changed = keys.some((k) => values[k] !== defaults[k]);
  return (
    <div class="subsection" data-testid={`scoring-${name}`}>
      <div class="subsection-head">
        <h3>{title}</h3>
        <button
          type="button"
          data-testid={`reset-${name}`}
          disabled={!changed}
          onClick={() => ctx.onChange(["scoring", name], { ...defaults })}
        >
          {SCORING.resetGroup(title)}
        </button>
      </div>
      <div class="grid grid--narrow">
        {keys.map((k) => {
          const [label, unit] = labelOf(k);
          return (
            <NumberField
              key={k}
              ctx={ctx}
              path={["scoring", name, k]}
              label={label}
              unit={unit}
              required
              value={values[k]}
              hint={values[k] === defaults[k] ? SCORING.byDefault(defaults[k]!) : SCORING.changed(defaults[k]!)}
            />
          );
        })}
      </div>
    </div>
  );
}

export function ScoringSection({ ctx, scoring, defaults }: { ctx: FieldContext; scoring: Scoring; defaults: Scoring }) {
  const total = FACTOR_IDS.reduce((n, id) => n + (Number.isFinite(scoring.weights[id]) ? scoring.weights[id] : 0), 0);
  const label = (k: string): [string, string?] => SETTING_LABELS[k] ?? [humanize(k)];
  return (
    <section id="scoring" aria-labelledby={headingId("scoring")} data-testid="section-scoring">
      <h2 id={headingId("scoring")} tabIndex={-1}>
        {titleOf("scoring")}
      </h2>
      <p class="intro">{SCORING.intro(total)}</p>
      <Group
        ctx={ctx}
        name="weights"
        title={SCORING.weights}
        values={scoring.weights}
        defaults={defaults.weights}
        keys={FACTOR_IDS}
        labelOf={(k) => [factorLabel(k), SCORING.weight]}
      />
      <Group
        ctx={ctx}
        name="thresholds"
        title={SCORING.thresholds}
        values={scoring.thresholds}
        defaults={defaults.thresholds}
        keys={Object.keys(defaults.thresholds)}
        labelOf={label}
      />
      <Group
        ctx={ctx}
        name="urgency"
        title={SCORING.urgency}
        values={scoring.urgency}
        defaults={defaults.urgency}
        keys={Object.keys(defaults.urgency)}
        labelOf={label}
      />
      <button
        type="button"
        data-testid="reset-scoring"
        onClick={() => ctx.onChange(["scoring"], structuredClone(defaults))}
      >
        {SCORING.resetAll}
      </button>
    </section>
  );
}
