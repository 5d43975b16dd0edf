/** Plain helpers for the options form: paths, immutable updates, and validation mapped to fields. */
import type * as z from "zod/mini";
import { Settings } from "../shared/settings";

export type Path = ReadonlyArray<string | number>;

/** One id per field, from its settings path, so errors and labels point at the right input. */
export const fieldId = (path: Path) => `f-${path.join("-")}`;
export const errorId = (path: Path) => `${fieldId(path)}-error`;
export const pathKey = (path: Path) => path.join(".");

/** A copy of `root` with `value` at `path` (only the objects along the path are copied). */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const container = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  container[head!] = setAt(container[head!], rest, value);
  return container as T;
}

/** A short message for a field, in the user's terms. */
export function fieldMessage(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & {
    expected?: string;
    minimum?: number;
    maximum?: number;
    origin?: string;
    values?: unknown[];
  };
  switch (issue.code) {
    case "invalid_type":
      return i.expected === "int"
        ? "Enter a whole number."
        : i.expected === "number"
          ? "Enter a number."
          : `Expected ${i.expected}.`;
    case "too_small":
      if (i.origin === "string" && Number(i.minimum) === 1) return "Required.";
      return `Must be ${issue.inclusive === false ? "more than" : "at least"} ${i.minimum}.`;
    case "too_big":
      return `Must be ${issue.inclusive === false ? "less than" : "at most"} ${i.maximum}.`;
    case "invalid_value":
      return `Choose one of: ${i.values?.join(", ")}.`;
    default:
      return issue.message;
  }
}

/** Every problem of the draft, keyed by dotted path (first problem per field). */
export function validate(draft: unknown): Record<string, string> {
  const result = Settings.safeParse(draft);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = pathKey(issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)));
    errors[key] ??= fieldMessage(issue);
  }
  return errors;
}

/** Text ⇄ number for inputs: empty is null, anything unreadable is NaN (so validation reports it). */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/^\$/, "").replace(/,/g, "");
  if (t === "") return null;
  return /^-?\d*\.?\d+$|^-?\d+\.$/.test(t) ? Number(t) : Number.NaN;
}
export const formatNumber = (value: unknown) =>
  typeof value === "number" && !Number.isNaN(value) ? String(value) : "";

/** "React, Expo.io , " → ["React", "Expo.io"] */
export function parseList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}
export const formatList = (value: readonly string[]) => value.join(", ");
