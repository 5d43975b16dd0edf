import type { Rates } from "../../shared/settings";
import { NumberField, SelectField, type FieldContext } from "../fields";
import { headingId, titleOf } from "../route";
import { RATES } from "../../shared/words/options";

const PAYMENT = (["hourly", "fixed", "milestone"] as const).map((value) => ({ value, label: RATES.payment[value] }));

export function RatesSection({ ctx, rates }: { ctx: FieldContext; rates: Rates }) {
  return (
    <section id="rates" aria-labelledby={headingId("rates")} data-testid="section-rates">
      <h2 id={headingId("rates")} tabIndex={-1}>
        {titleOf("rates")}
      </h2>
      <p class="intro">{RATES.intro}</p>
      <div class="grid">
        <NumberField
          ctx={ctx}
          path={["rates", "hourly"]}
          label={RATES.hourly}
          unit={RATES.perHour}
          value={rates.hourly}
        />
        <NumberField
          ctx={ctx}
          path={["rates", "minimumHourly"]}
          label={RATES.minimumHourly}
          unit={RATES.perHour}
          value={rates.minimumHourly}
          hint={RATES.minimumHourlyHint}
        />
        <NumberField
          ctx={ctx}
          path={["rates", "minimumFixed"]}
          label={RATES.minimumFixed}
          unit={RATES.usd}
          value={rates.minimumFixed}
        />
        <SelectField
          ctx={ctx}
          path={["rates", "preferredPayment"]}
          label={RATES.preferredPayment}
          value={rates.preferredPayment}
          options={PAYMENT}
        />
      </div>
    </section>
  );
}
