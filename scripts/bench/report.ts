/** The benchmark's table: figure, value, goal, baseline, ratio, pass/miss. */

export interface Row {
  figure: string;
  value: number | null;
  unit: string;
  /** Human goal text, and the check (on value/ratio); no check = informational. */
  goal?: string;
  pass?: boolean | null;
  baseline?: number | null;
  ratio?: number | null;
  /** Shown instead of the value when there is none (e.g. "overlay not present"). */
  note?: string;
}

const fmt = (v: number | null | undefined, unit = ""): string => {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  const abs = Math.abs(v);
  const s = abs >= 100 ? v.toFixed(0) : abs >= 10 ? v.toFixed(1) : abs >= 1 ? v.toFixed(2) : v.toFixed(3);
  return unit ? `${s} ${unit}` : s;
};

export function table(rows: readonly Row[]): string {
  const head = ["figure", "value", "goal", "baseline", "ratio", "result"];
  const body = rows.map((r) => [
    r.figure,
    r.note && r.value === null ? r.note : fmt(r.value, r.unit),
    r.goal ?? "",
    fmt(r.baseline, r.unit),
    r.ratio === undefined || r.ratio === null ? "—" : `${fmt(r.ratio)}×`,
    r.pass === undefined ? "info" : r.pass === null ? "n/a" : r.pass ? "pass" : "MISS",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
