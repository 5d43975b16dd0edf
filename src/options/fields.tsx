/** Labelled inputs with their error tied to them (aria-describedby), shared by every section. */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { errorId, fieldId, formatList, formatNumber, parseList, parseNumber, pathKey, type Path } from "./form";
import { FIELDS } from "../shared/words/options";

export interface FieldContext {
  errors: Record<string, string>;
  onChange(path: Path, value: unknown): void;
}

interface BaseProps {
  ctx: FieldContext;
  path: Path;
  label: string;
  /** The label is for assistive technology only: a heading just above already says it. */
  labelHidden?: boolean;
  hint?: ComponentChildren;
}

function describedBy(ctx: FieldContext, path: Path, hint: boolean): string | undefined {
  const ids = [ctx.errors[pathKey(path)] ? errorId(path) : null, hint ? `${fieldId(path)}-hint` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Wrapper({
  ctx,
  path,
  label,
  labelHidden,
  hint,
  children,
  wide,
}: BaseProps & { children: ComponentChildren; wide?: boolean }) {
  const error = ctx.errors[pathKey(path)];
  return (
    <div class={`field${error ? " field--invalid" : ""}${wide ? " field--wide" : ""}`}>
      <label for={fieldId(path)} class={labelHidden ? "sr-only" : undefined}>
        {label}
      </label>
      {children}
      {hint !== undefined && (
        <p class="hint" id={`${fieldId(path)}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={errorId(path)} data-testid={`error-${pathKey(path)}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Keeps the text the user is typing, and re-reads the value only when it changes from outside
 * (reset, import) — so "1." or "React, " are not rewritten under the cursor.
 */
function useText<T>(value: T, format: (v: T) => string, parse: (s: string) => T): [string, (s: string) => T] {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    if (JSON.stringify(parse(text)) !== JSON.stringify(value) && !(Number.isNaN(parse(text)) && Number.isNaN(value)))
      setText(format(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return [text, (s) => (setText(s), parse(s))];
}

export function TextField(
  props: BaseProps & {
    value: string | null | undefined;
    type?: "text" | "url";
    placeholder?: string;
    autocomplete?: string;
  },
) {
  const { ctx, path } = props;
  return (
    <Wrapper {...props}>
      <input
        id={fieldId(path)}
        data-testid={`field-${pathKey(path)}`}
        type="text"
        inputMode={props.type === "url" ? "url" : undefined}
        value={props.value ?? ""}
        placeholder={props.placeholder}
        autocomplete={props.autocomplete ?? "off"}
        aria-invalid={ctx.errors[pathKey(path)] ? true : undefined}
        aria-describedby={describedBy(ctx, path, props.hint !== undefined)}
        onInput={(e) => ctx.onChange(path, e.currentTarget.value)}
      />
    </Wrapper>
  );
}

export function TextArea(props: BaseProps & { value: string | null | undefined; rows?: number; wide?: boolean }) {
  const { ctx, path } = props;
  return (
    <Wrapper {...props}>
      <textarea
        id={fieldId(path)}
        data-testid={`field-${pathKey(path)}`}
        rows={props.rows ?? 4}
        value={props.value ?? ""}
        aria-invalid={ctx.errors[pathKey(path)] ? true : undefined}
        aria-describedby={describedBy(ctx, path, props.hint !== undefined)}
        onInput={(e) => ctx.onChange(path, e.currentTarget.value)}
      />
    </Wrapper>
  );
}

/** Numbers typed as text (type=number hides what the user typed when it is not a number). */
export function NumberField(
  props: BaseProps & { value: number | null | undefined; unit?: string; required?: boolean },
) {
  const { ctx, path } = props;
  const parse = (s: string) => {
    const n = parseNumber(s);
    return n === null && props.required ? Number.NaN : n;
  };
  const [text, edit] = useText<number | null>(props.value ?? null, formatNumber, parse);
  return (
    <Wrapper {...props}>
      <span class="with-unit">
        <input
          id={fieldId(path)}
          data-testid={`field-${pathKey(path)}`}
          type="text"
          inputMode="decimal"
          value={text}
          aria-invalid={ctx.errors[pathKey(path)] ? true : undefined}
          aria-describedby={describedBy(ctx, path, props.hint !== undefined)}
          onInput={(e) => ctx.onChange(path, edit(e.currentTarget.value))}
        />
        {props.unit && (
          <span class="unit" aria-hidden="true">
            {props.unit}
          </span>
        )}
      </span>
    </Wrapper>
  );
}

/** A comma-separated list of short names (skills of a portfolio item or specialized profile). */
export function ListField(props: BaseProps & { value: readonly string[] }) {
  const { ctx, path } = props;
  const [text, edit] = useText<string[]>([...props.value], formatList, parseList);
  return (
    <Wrapper {...props} hint={props.hint ?? FIELDS.commas}>
      <input
        id={fieldId(path)}
        data-testid={`field-${pathKey(path)}`}
        type="text"
        value={text}
        aria-invalid={ctx.errors[pathKey(path)] ? true : undefined}
        aria-describedby={describedBy(ctx, path, true)}
        onInput={(e) => ctx.onChange(path, edit(e.currentTarget.value))}
      />
    </Wrapper>
  );
}

export function SelectField<T extends string>(
  props: BaseProps & { value: T; options: ReadonlyArray<{ value: T; label: string }> },
) {
  const { ctx, path } = props;
  return (
    <Wrapper {...props}>
      <select
        id={fieldId(path)}
        data-testid={`field-${pathKey(path)}`}
        value={props.value}
        aria-invalid={ctx.errors[pathKey(path)] ? true : undefined}
        aria-describedby={describedBy(ctx, path, props.hint !== undefined)}
        onChange={(e) => ctx.onChange(path, e.currentTarget.value)}
      >
        {props.options.map((o) => (
          <option value={o.value} key={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}
