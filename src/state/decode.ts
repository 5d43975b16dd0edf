/**
 * Embedded state text → plain value, without running any of it (no eval, no Function, nothing
 * injected into a page). Nuxt 3's `__NUXT_DATA__` is devalue JSON, revived by `devalue`'s `unflatten`;
 * Nuxt 2's `window.__NUXT__=(function(a,b,…){return {…}}(…))` is parsed by `acorn` and only its
 * literal syntax is evaluated. Both are bounded (size, nodes, depth) and never throw: a state that
 * cannot be read is `{ ok: false, reason }`.
 *
 * Runs in the background service worker and the command line only: the content script must not
 * import this file (it pulls in acorn and devalue).
 */
import { parse as parseJs } from "acorn";
import type { ArrowFunctionExpression, Expression, FunctionExpression, Pattern, Statement, SpreadElement } from "acorn";
import { unflatten } from "devalue";
import { MAX_STATE_CHARS, type StateText } from "./extract";

export type Decoded = { ok: true; root: unknown } | { ok: false; reason: string };

/** AST nodes (Nuxt 2) or devalue entries (Nuxt 3) a decode may visit; real job pages use < 60,000. */
const MAX_NODES = 2_000_000;
/** Nesting deeper than this is refused; real states nest about 20 levels. */
const MAX_DEPTH = 500;

/** A limit was hit or the input is not the shape a Nuxt state has; becomes `{ ok: false, reason }`. */
class Refused extends Error {}

export function decodeState(s: StateText): Decoded {
  if (typeof s?.text !== "string") return { ok: false, reason: "no state text" };
  if (s.text.length > MAX_STATE_CHARS)
    return { ok: false, reason: `state is ${s.text.length} characters, over the ${MAX_STATE_CHARS} limit` };
  try {
    const root =
      s.form === "nuxt3"
        ? decodeNuxt3(s.text)
        : s.form === "nuxt2"
          ? decodeNuxt2(s.text)
          : refuse(`unknown state form ${String(s.form)}`);
    return { ok: true, root };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.message };
    // acorn and devalue recurse: a deep enough input overflows the stack before our depth check
    // (acorn reports it as a SyntaxError "Not enough stack space").
    if (e instanceof RangeError || (e instanceof SyntaxError && /stack space/i.test(e.message)))
      return { ok: false, reason: "state is nested too deeply to read" };
    if (e instanceof SyntaxError)
      return { ok: false, reason: `state is not valid ${s.form === "nuxt3" ? "JSON" : "JavaScript"}: ${e.message}` };
    return { ok: false, reason: `state could not be decoded: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function refuse(reason: string): never {
  throw new Refused(reason);
}

// ---------------------------------------------------------------------------------------------
// Nuxt 3: devalue's flattened array.

/** Tags devalue revives itself (devalue 6); any other tag needs a reviver or unflatten throws. */
const DEVALUE_TAGS = new Set([
  "Date",
  "Set",
  "Map",
  "RegExp",
  "Object",
  "BigInt",
  "null",
  "ArrayBuffer",
  "URL",
  "URLSearchParams",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Float16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
  "DataView",
]);

/** Nuxt's empty refs carry "_" for undefined, "0n" for 0n, else a JSON-ish text (Nuxt uses destr). */
function emptyRef(data: unknown): unknown {
  if (data === "_") return undefined;
  if (data === "0n") return 0;
  if (typeof data !== "string") return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

/**
 * Nuxt's own payload types (nuxt/src/app/plugins/revive-payload.*): refs and reactives are their plain
 * data here; an error keeps its fields; a server-component island is nothing we read.
 */
const NUXT_REVIVERS: Record<string, (value: unknown) => unknown> = {
  Reactive: (v) => v,
  ShallowReactive: (v) => v,
  Ref: (v) => v,
  ShallowRef: (v) => v,
  EmptyRef: emptyRef,
  EmptyShallowRef: emptyRef,
  NuxtError: (v) => (v && typeof v === "object" ? { ...v, nuxtError: true } : undefined),
  Island: () => undefined,
};

function decodeNuxt3(text: string): unknown {
  const values: unknown = JSON.parse(text);
  if (!Array.isArray(values) || values.length === 0) refuse("__NUXT_DATA__ is not a devalue array");
  if (values.length > MAX_NODES) refuse(`__NUXT_DATA__ has ${values.length} entries, over the ${MAX_NODES} limit`);
  // A tag we do not know (a newer Nuxt, a module's own type) becomes undefined instead of failing the
  // whole state; revivers must be known before unflatten runs, so collect the tags first.
  // Null prototype: a tag named "__proto__" or "constructor" is then just another key.
  const revivers: Record<string, (value: unknown) => unknown> = Object.assign(
    Object.create(null) as object,
    NUXT_REVIVERS,
  );
  for (const v of values) {
    if (
      Array.isArray(v) &&
      typeof v[0] === "string" &&
      !DEVALUE_TAGS.has(v[0]) &&
      !Object.hasOwn(revivers, v[0]) &&
      !v[0].startsWith("Temporal.")
    ) {
      revivers[v[0]] = () => undefined;
    }
  }
  checkDevalueDepth(values);
  return unflatten(values, revivers) as unknown;
}

/** The indices an entry refers to (devalue's encoding: negative numbers are constants, not references). */
function references(entry: unknown): number[] {
  if (!entry || typeof entry !== "object") return [];
  const refs: number[] = [];
  const add = (n: unknown) => {
    if (typeof n === "number" && Number.isInteger(n) && n >= 0) refs.push(n);
  };
  if (Array.isArray(entry)) {
    if (typeof entry[0] === "string") {
      // ["Tag", i] for revivers, Object and typed arrays; ["Set", i, j…] / ["Map", k, v…]; Date/RegExp/
      // BigInt/URL carry strings, which `add` skips.
      for (let i = 1; i < entry.length; i++) add(entry[i]);
    } else if (entry[0] === -7) {
      for (let i = 3; i < entry.length; i += 2) add(entry[i]); // sparse: [-7, length, index, value, …]
    } else {
      for (const n of entry) add(n);
    }
  } else {
    for (const n of Object.values(entry)) add(n);
  }
  return refs;
}

/**
 * devalue's unflatten recurses once per nesting level, so measure the graph's depth first, without
 * recursion: a depth-first walk with an explicit stack; a back edge (a cycle) adds nothing.
 */
function checkDevalueDepth(values: unknown[]): void {
  const depth = new Int32Array(values.length); // 0 = not seen, -1 = on the stack, else the depth
  const stack: Array<{ index: number; refs: number[]; next: number; max: number }> = [];
  let visited = 0;
  const push = (index: number) => {
    depth[index] = -1;
    stack.push({ index, refs: references(values[index]), next: 0, max: 0 });
    if (stack.length > MAX_DEPTH) refuse(`state is nested deeper than ${MAX_DEPTH} levels`);
  };
  push(0);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (++visited > MAX_NODES * 4) refuse("state has too many references");
    if (top.next < top.refs.length) {
      const child = top.refs[top.next++]!;
      if (child >= values.length) continue; // unflatten reports the bad index itself
      const d = depth[child]!;
      if (d === 0) push(child);
      else if (d > 0) top.max = Math.max(top.max, d);
      continue;
    }
    stack.pop();
    depth[top.index] = top.max + 1;
    const parent = stack[stack.length - 1];
    if (parent) parent.max = Math.max(parent.max, top.max + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Nuxt 2: a JavaScript expression read as data.

type Env = Map<string, unknown>;

/** Keys that would reach an object's prototype machinery when assigned. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

class Evaluator {
  private nodes = 0;

  private tick(depth: number): void {
    if (++this.nodes > MAX_NODES) refuse(`state has more than ${MAX_NODES} syntax nodes`);
    if (depth > MAX_DEPTH) refuse(`state is nested deeper than ${MAX_DEPTH} levels`);
  }

  /** Literal syntax only; anything else (calls, `new`, operators, member reads, functions) is undefined. */
  value(node: Expression | SpreadElement | null, env: Env, depth: number): unknown {
    if (!node) return undefined;
    this.tick(depth);
    switch (node.type) {
      case "Literal":
        return typeof node.value === "string" ||
          typeof node.value === "number" ||
          typeof node.value === "boolean" ||
          node.value === null
          ? node.value
          : undefined; // RegExp, BigInt
      case "Identifier":
        return env.has(node.name) ? env.get(node.name) : undefined;
      case "ObjectExpression": {
        const out: Record<string, unknown> = {};
        for (const p of node.properties) {
          if (p.type !== "Property" || p.kind !== "init" || p.method) continue;
          const key = this.key(p.key, p.computed, env, depth + 1);
          if (key === undefined || key === "__proto__") continue;
          out[key] = this.value(p.value, env, depth + 1);
        }
        return out;
      }
      case "ArrayExpression":
        return node.elements.map((e) => (e && e.type !== "SpreadElement" ? this.value(e, env, depth + 1) : undefined));
      case "UnaryExpression": {
        if (node.operator === "void") return undefined;
        const v = this.value(node.argument, env, depth + 1);
        if (node.operator === "!" && (v === null || typeof v !== "object")) return !v;
        if ((node.operator === "-" || node.operator === "+") && typeof v === "number")
          return node.operator === "-" ? -v : v;
        return undefined;
      }
      case "TemplateLiteral":
        return node.expressions.length === 0 && node.quasis.length === 1
          ? (node.quasis[0]!.value.cooked ?? undefined)
          : undefined;
      case "ParenthesizedExpression":
        return this.value(node.expression, env, depth + 1);
      default:
        return undefined;
    }
  }

  /** A property name: `a`, `"a"`, `1`, or a computed literal (`["a"]`). */
  private key(
    node: Expression | { type: "PrivateIdentifier" },
    computed: boolean,
    env: Env,
    depth: number,
  ): string | undefined {
    if (!computed && node.type === "Identifier") return node.name;
    if (node.type === "PrivateIdentifier") return undefined;
    const v = computed ? this.value(node, env, depth) : node.type === "Literal" ? node.value : undefined;
    return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
  }

  /**
   * Runs an IIFE's body as data: binds parameters to the call's argument values, applies simple member
   * assignments to bound objects (`ah.name="Newest";`, seen in 2026 pages), returns what `return` gives.
   */
  call(
    fn: FunctionExpression | ArrowFunctionExpression,
    args: Array<Expression | SpreadElement>,
    depth: number,
  ): unknown {
    const outer: Env = new Map();
    const env: Env = new Map();
    fn.params.forEach((p: Pattern, i) => {
      if (p.type !== "Identifier") return; // destructuring / defaults: not a serializer's output
      const a = args[i];
      env.set(p.name, a && a.type !== "SpreadElement" ? this.value(a, outer, depth + 1) : undefined);
    });
    if (fn.body.type !== "BlockStatement") return this.value(fn.body, env, depth + 1);
    for (const st of fn.body.body) {
      this.tick(depth + 1);
      if (st.type === "ReturnStatement") return this.value(st.argument ?? null, env, depth + 1);
      if (st.type === "ExpressionStatement") this.effect(st.expression, env, depth + 1);
      // Any other statement (declarations, loops, …) is not part of a serialized state: ignored.
    }
    return undefined;
  }

  /** `x.k = v` / `x["k"] = v` / `x.a.b = v` on an object or array bound in `env`; sequences of those. */
  private effect(node: Expression, env: Env, depth: number): void {
    this.tick(depth);
    if (node.type === "SequenceExpression") {
      for (const e of node.expressions) this.effect(e, env, depth + 1);
      return;
    }
    if (node.type !== "AssignmentExpression" || node.operator !== "=" || node.left.type !== "MemberExpression") return;
    const target = this.target(node.left.object, env, depth + 1);
    if (!target) return;
    const key =
      node.left.property.type === "PrivateIdentifier"
        ? undefined
        : this.key(node.left.property, node.left.computed, env, depth + 1);
    if (key === undefined || UNSAFE_KEYS.has(key)) return;
    if (Array.isArray(target) && !/^\d{1,6}$/.test(key)) return; // `a.length=-1` would throw, `a.length=1e9` allocate
    (target as Record<string, unknown>)[key] = this.value(node.right, env, depth + 1);
  }

  /** The object an assignment writes into: a bound identifier or a member path from one. */
  private target(node: Expression | { type: "Super" }, env: Env, depth: number): object | null {
    this.tick(depth);
    let v: unknown;
    if (node.type === "Identifier") v = env.get(node.name);
    else if (node.type === "MemberExpression") {
      const parent = this.target(node.object, env, depth + 1);
      const key =
        parent && node.property.type !== "PrivateIdentifier"
          ? this.key(node.property, node.computed, env, depth + 1)
          : undefined;
      v =
        parent && key !== undefined && Object.hasOwn(parent, key)
          ? (parent as Record<string, unknown>)[key]
          : undefined;
    }
    return v && typeof v === "object" ? v : null;
  }
}

/** Is this `window.__NUXT__` (or a bare `__NUXT__`)? */
function isNuxtGlobal(node: Pattern | Expression): boolean {
  if (node.type === "Identifier") return node.name === "__NUXT__";
  return (
    node.type === "MemberExpression" &&
    !node.computed &&
    node.object.type === "Identifier" &&
    node.object.name === "window" &&
    node.property.type === "Identifier" &&
    node.property.name === "__NUXT__"
  );
}

function decodeNuxt2(text: string): unknown {
  const program = parseJs(text, { ecmaVersion: "latest", sourceType: "script" });
  const evaluator = new Evaluator();
  for (const st of program.body as Statement[]) {
    if (st.type !== "ExpressionStatement" || st.expression.type !== "AssignmentExpression") continue;
    const { left, right, operator } = st.expression;
    if (operator !== "=" || !isNuxtGlobal(left)) continue;
    if (
      right.type === "CallExpression" &&
      (right.callee.type === "FunctionExpression" || right.callee.type === "ArrowFunctionExpression")
    ) {
      return evaluator.call(right.callee, right.arguments, 0);
    }
    if (right.type === "ObjectExpression") return evaluator.value(right, new Map(), 0);
    refuse(`window.__NUXT__ is assigned a ${right.type}, not a function call or an object`);
  }
  return refuse("no window.__NUXT__ assignment in the script");
}
