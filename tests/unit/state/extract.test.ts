import { afterEach, describe, expect, it } from "vitest";
import { embeddedStateText, MAX_STATE_CHARS } from "../../../src/state/extract";
import { jobDetails, loadDoc, nuxt2Script, nuxt3Json, page } from "./synthetic";

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

function doc(html: string): Document {
  const d = loadDoc(html);
  close = d.close;
  return d.doc;
}

describe("embeddedStateText", () => {
  it("takes script#__NUXT_DATA__ (Nuxt 3), not the config-only window.__NUXT__ beside it", () => {
    const json = nuxt3Json(jobDetails());
    const d = doc(
      page(
        `<script>window.__NUXT__={};window.__NUXT__.config={public:{},app:{baseURL:"/"}}</script>`,
        `<script type="application/json" id="__NUXT_DATA__" data-ssr="true">${json}</script>`,
      ),
    );
    expect(embeddedStateText(d)).toEqual({ form: "nuxt3", text: json });
  });

  it("takes the inline window.__NUXT__= script (Nuxt 2) among other inline and external scripts", () => {
    const script = nuxt2Script({ jobDetails: jobDetails() });
    const d = doc(
      page(
        `<script src="/app.js"></script>`,
        `<script>window.dataLayer=[];</script>`,
        `<script>${script}</script>`,
        `<script>var after=1</script>`,
      ),
    );
    expect(embeddedStateText(d)).toEqual({ form: "nuxt2", text: script });
  });

  it("ignores the Nuxt 3 config script when there is no __NUXT_DATA__", () => {
    const d = doc(page(`<script>window.__NUXT__={};window.__NUXT__.config={public:{}}</script>`));
    expect(embeddedStateText(d)).toBeNull();
  });

  it("is null on a page without state, and for an element #__NUXT_DATA__ that is not a script", () => {
    expect(embeddedStateText(doc(page(`<script>console.log("hi")</script>`)))).toBeNull();
    expect(embeddedStateText(doc(page(`<div id="__NUXT_DATA__">[1]</div>`)))).toBeNull();
  });

  it("skips a state over the size limit", () => {
    const huge = `window.__NUXT__={s:"${"x".repeat(MAX_STATE_CHARS)}"}`;
    expect(embeddedStateText(doc(page(`<script>${huge}</script>`)))).toBeNull();
  });
});
