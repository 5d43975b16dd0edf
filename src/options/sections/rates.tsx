import type { Rates } from "../../shared/settings";
import { NumberField, SelectField, type FieldContext } from "../fields";
import { headingId, titleOf } from "../route";

const PAYMENT = [
  { value: "hourly", label: "Hourly" },
  { value: "fixed", label: "Fixed price" },
  { value: "milestone", label: "Fixed price by milestones" },
] as const;

export function RatesSection({ ctx, rates }: { ctx: FieldContext; rates: Rates }) {
  return (
    <section id="rates" aria-labelledby={headingId("rates")} data-testid="section-rates">
      <h2 id={headingId("rates")} tabIndex={-1}>
        {titleOf("rates")}
      </h2>
      <p class="intro">
        What you charge. The score compares clients' budgets and past rates with these; drafts propose them.
      </p>
      <div class="grid">
        <NumberField ctx={ctx} path={["rates", "hourly"]} label="Hourly rate" unit="USD/h" value={rates.hourly} />
        <NumberField
          ctx={ctx}
          path={["rates", "minimumHourly"]}
          label="Minimum hourly rate"
          unit="USD/h"
          value={rates.minimumHourly}
          hint="Jobs below this score lower."
        />
        <NumberField
          ctx={ctx}
          path={["rates", "minimumFixed"]}
          label="Minimum fixed-price project"
          unit="USD"
          value={rates.minimumFixed}
        />
        <SelectField
          ctx={ctx}
          path={["rates", "preferredPayment"]}
          label="Preferred payment"
          value={rates.preferredPayment}
          options={PAYMENT}
        />
      </div>
    </section>
  );
}
