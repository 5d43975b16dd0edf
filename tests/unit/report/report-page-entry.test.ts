// @vitest-environment happy-dom
/** dist/report-page.js: the global the background calls in the tab, over the document it runs in. */
import { afterEach, expect, it } from "vitest";

afterEach(() => {
  delete globalThis.invitewiseReportPage;
  document.body.replaceChildren();
});

it("defines the global the background calls, which reports the document at its own address", async () => {
  delete globalThis.invitewiseReportPage;
  await import("../../../src/report/report-page-entry");
  const heading = document.body.appendChild(document.createElement("h5"));
  heading.textContent = "About the client";
  document.body.appendChild(document.createElement("p")).textContent = "Marta from Portland";
  const report = globalThis.invitewiseReportPage!(null);
  expect(report).toMatch(/^<!-- saved from url=\(\d{4}\)\S+ -->\n/);
  expect(report).toContain("<h5>About the client</h5><p>Xxxxx from Xxxxxxxx</p>");
});
