import { describe, expect, it } from "vitest";
import { decodeState } from "../../../src/state/decode";
import { jobDetails, nuxt2Script, nuxt3Json } from "./synthetic";

// Decoded page state is poked field by field, as the page wrote it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

function ok(form: "nuxt2" | "nuxt3", text: string): Obj {
  const d = decodeState({ form, text });
  if (!d.ok) throw new Error(`expected a decoded state, got: ${d.reason}`);
  return d.root as Obj;
}

function fails(form: "nuxt2" | "nuxt3", text: string): string {
  let d: ReturnType<typeof decodeState> | undefined;
  expect(() => (d = decodeState({ form, text }))).not.toThrow();
  expect(d!.ok).toBe(false);
  return (d as { reason: string }).reason;
}

describe("decodeState: Nuxt 3 (__NUXT_DATA__, devalue)", () => {
  it("revives a devalue payload with Nuxt's Reactive root", () => {
    const root = ok("nuxt3", nuxt3Json(jobDetails()));
    expect(root.serverRendered).toBe(true);
    expect(root.vuex.jobDetails.job.title).toBe("Build a booking widget for a dental clinic");
    expect(root.vuex.jobDetails.buyer.stats.totalCharges.amount).toBe(18342.5);
  });

  it("reads Nuxt's ref types and keeps shared values shared", () => {
    const text = JSON.stringify([
      ["ShallowReactive", 1],
      { a: 2, b: 3, c: 4, d: 5, e: 6, f: 7, g: 2 },
      ["Ref", 8],
      ["ShallowRef", 9],
      ["EmptyRef", 10],
      ["EmptyShallowRef", 11],
      ["NuxtError", 12],
      ["Date", "2025-01-02T03:04:05.000Z"],
      { x: 13 },
      "shallow",
      "_",
      '{"n":1}',
      { statusCode: 14, message: 15 },
      1,
      404,
      "Not found",
    ]);
    const root = ok("nuxt3", text);
    expect(root.a).toEqual({ x: 1 });
    expect(root.g).toBe(root.a);
    expect(root.b).toBe("shallow");
    expect(root.c).toBeUndefined(); // EmptyRef "_" is undefined
    expect(root.d).toEqual({ n: 1 });
    expect(root.e).toMatchObject({ statusCode: 404, message: "Not found" });
    expect(root.f).toBeInstanceOf(Date);
  });

  it("turns a tag it does not know into undefined instead of failing the whole state", () => {
    const root = ok("nuxt3", JSON.stringify([{ keep: 1, odd: 2 }, "yes", ["SomeModuleType", 3], { secret: 1 }]));
    expect(root).toEqual({ keep: "yes", odd: undefined });
  });

  it("refuses damaged payloads with a reason", () => {
    const full = nuxt3Json(jobDetails());
    expect(fails("nuxt3", full.slice(0, full.length / 2))).toMatch(/not valid JSON/);
    expect(fails("nuxt3", '{"not":"an array"}')).toMatch(/not a devalue array/);
    expect(fails("nuxt3", "[]")).toMatch(/not a devalue array/);
    expect(fails("nuxt3", '[{"a":99}]')).toMatch(/could not be decoded/); // a reference past the end
    expect(fails("nuxt3", '[{"__proto__":1},{"polluted":2},true]')).toMatch(/__proto__/);
    expect(({} as Obj).polluted).toBeUndefined();
  });

  it("refuses 10,000 levels of nesting, and plain nested arrays, without throwing", () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => [i + 1]);
    chain.push([] as never);
    expect(fails("nuxt3", JSON.stringify(chain))).toMatch(/nested deeper/);
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    expect(fails("nuxt3", deep)).toBeTruthy();
  });
});

describe("decodeState: Nuxt 2 (window.__NUXT__ expression, literal syntax only)", () => {
  it("binds the IIFE's parameters to its arguments and evaluates the returned literal", () => {
    const root = ok("nuxt2", nuxt2Script({ jobDetails: jobDetails() }));
    expect(root.layout).toBe("layout-user");
    expect(root.serverRendered).toBe(true); // written !0 / a parameter bound to true
    expect(root.state.jobDetails.job.ciphertext).toMatch(/^~02/);
    expect(root.state.jobDetails.job.clientActivity.totalApplicants).toBe(7);
    expect(root.routePath).toBe("/jobs/~02aa11bb22cc33dd44ee5"); // \u002F escapes
  });

  it("reads the arrow-function form too", () => {
    const root = ok("nuxt2", nuxt2Script({ jobDetails: jobDetails() }, true));
    expect(root.state.jobDetails.buyer.jobs.postedCount).toBe(20);
  });

  it("evaluates literals only: calls, operators, member reads and functions are undefined", () => {
    const root = ok(
      "nuxt2",
      `window.__NUXT__=(function(a,b,c,d){return {
        s:a, n:-b, p:+b, t:!0, f:!1, u:void 0, nul:null, neg:-1.5, tpl:\`plain\`, withExpr:\`x\${a}\`,
        arr:[a,,c], call:Array(3), fn:function(){return 1}, bin:1+2, mem:d.x, notObj:!d, missing:zz, nested:{deep:{k:c}},
        "quoted-key":1, 7:"seven", big:10n, re:/x/
      }}("hello",2,true,{x:1}))`,
    );
    expect(root).toMatchObject({
      s: "hello",
      n: -2,
      p: 2,
      t: true,
      f: false,
      nul: null,
      neg: -1.5,
      tpl: "plain",
      arr: ["hello", undefined, true],
      nested: { deep: { k: true } },
      "quoted-key": 1,
      7: "seven",
    });
    for (const k of ["u", "withExpr", "call", "fn", "bin", "mem", "notObj", "missing", "big", "re"])
      expect(root[k], k).toBeUndefined();
  });

  it("applies simple member assignments to bound objects before the return", () => {
    const root = ok(
      "nuxt2",
      `window.__NUXT__=(function(a,b,c){a.name="Newest";a["label"]=b;a.inner={};a.inner.v=c;b.x=1;c.y=2;foo.z=3;a.__proto__={polluted:1};a.constructor=5;return {sort:a}}({},"lbl",9))`,
    );
    expect(root.sort).toEqual({ name: "Newest", label: "lbl", inner: { v: 9 } });
    expect(({} as Obj).polluted).toBeUndefined();
  });

  it("never runs the script", () => {
    const g = globalThis as Obj;
    delete g.__iwRan;
    const root = ok(
      "nuxt2",
      `window.__NUXT__=(function(a){globalThis.__iwRan=1;(function(){globalThis.__iwRan=2}());return {a:a}}(1))`,
    );
    expect(root).toEqual({ a: 1 });
    expect(g.__iwRan).toBeUndefined();
    // An object literal's __proto__ key is not a prototype.
    const r2 = ok("nuxt2", `window.__NUXT__={__proto__:{polluted:1},ok:1}`);
    expect(r2).toEqual({ ok: 1 });
    expect(Object.getPrototypeOf(r2)).toBe(Object.prototype);
  });

  it("refuses damaged or foreign scripts with a reason", () => {
    const full = nuxt2Script({ jobDetails: jobDetails() });
    expect(fails("nuxt2", full.slice(0, full.length - 40))).toMatch(/not valid JavaScript/);
    expect(fails("nuxt2", "window.__NUXT__=(function(a){return {a:a}}(1)")).toMatch(/not valid JavaScript/);
    expect(fails("nuxt2", "window.__NUXT__=loadState()")).toMatch(/CallExpression/);
    expect(fails("nuxt2", "window.__NUXT__=fetch('/x').then(r=>r.json())")).toMatch(/not a function call or an object/);
    expect(fails("nuxt2", "var x = 1; console.log(x)")).toMatch(/no window.__NUXT__/);
  });

  it("refuses 10,000 levels of nesting without throwing", () => {
    const deep = `window.__NUXT__=(function(a){return ${"[".repeat(10_000)}a${"]".repeat(10_000)}}(1))`;
    expect(fails("nuxt2", deep)).toMatch(/nested/);
    const deepObj = `window.__NUXT__=${"{a:".repeat(10_000)}1${"}".repeat(10_000)}`;
    expect(fails("nuxt2", deepObj)).toMatch(/nested/);
  });
});

describe("decodeState: limits", () => {
  it("refuses a state over 5 MB before parsing it", () => {
    const big = `window.__NUXT__={s:"${"x".repeat(6_000_000)}"}`;
    expect(fails("nuxt2", big)).toMatch(/over the 5000000 limit/);
    expect(fails("nuxt3", `["${"x".repeat(6_000_000)}"]`)).toMatch(/over the 5000000 limit/);
  });

  it("refuses an unknown form or missing text", () => {
    expect(decodeState({ form: "nuxt4" as never, text: "{}" })).toEqual({
      ok: false,
      reason: "unknown state form nuxt4",
    });
    expect(decodeState({ form: "nuxt3", text: undefined as never }).ok).toBe(false);
  });
});

describe("decodeState: hostile input", () => {
  it("keeps odd tag names and array assignments harmless", () => {
    const root = ok("nuxt3", JSON.stringify([{ a: 1, b: 2 }, ["__proto__", 3], ["constructor", 3], { x: 1 }]));
    expect(root).toEqual({ a: undefined, b: undefined });
    const r2 = ok("nuxt2", "window.__NUXT__=(function(a){a.length=-1;a.foo=1;a[1]=2;return {a:a}}([0]))");
    expect(r2.a).toEqual([0, 2]);
  });
});
