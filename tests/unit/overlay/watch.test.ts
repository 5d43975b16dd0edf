/** The observer's filter: our own writes never wake it; Upwork's content and theme changes do. */
import { describe, expect, it } from "vitest";
import { Window } from "happy-dom";
import { pageAddress, relevant } from "../../../src/content/watch";

function setup() {
  const window = new Window({ url: "https://www.upwork.com/nx/proposals/" });
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = "<table><tr><td id='cell'><a href='/nx/proposals/interview/uid/1'>Job</a></td></tr></table>";
  return { doc, cell: doc.getElementById("cell")! };
}

const childList = (target: Node, added: Node[] = [], removed: Node[] = []) =>
  ({ type: "childList", target, addedNodes: added, removedNodes: removed }) as unknown as MutationRecord;

describe("relevant", () => {
  it("ignores inserting and removing our own hosts", () => {
    const { doc, cell } = setup();
    const badge = doc.createElement("iw-badge");
    const panel = doc.createElement("iw-panel");
    expect(relevant([childList(cell, [badge]), childList(doc.body, [], [panel])])).toBe(false);
  });

  it("ignores changes inside our hosts and whitespace-only text churn", () => {
    const { doc, cell } = setup();
    const badge = doc.createElement("iw-badge");
    cell.append(badge);
    const inner = doc.createElement("span");
    badge.append(inner);
    expect(relevant([childList(inner, [doc.createTextNode("x")])])).toBe(false);
    expect(relevant([childList(cell, [doc.createTextNode("  \n ")])])).toBe(false);
  });

  it("wakes on Upwork's content, and on theme attributes of html/body only", () => {
    const { doc, cell } = setup();
    expect(relevant([childList(cell, [doc.createElement("a")])])).toBe(true);
    expect(
      relevant([{ type: "characterData", target: cell.firstChild!.firstChild! } as unknown as MutationRecord]),
    ).toBe(true);
    expect(relevant([{ type: "attributes", target: cell, attributeName: "class" } as unknown as MutationRecord])).toBe(
      false,
    );
    expect(
      relevant([{ type: "attributes", target: doc.body, attributeName: "class" } as unknown as MutationRecord]),
    ).toBe(true);
  });

  it("treats a hash change as the same page", () => {
    expect(pageAddress("https://www.upwork.com/nx/proposals/#x")).toBe("https://www.upwork.com/nx/proposals/");
    expect(pageAddress("https://www.upwork.com/nx/proposals/?a=1")).toBe("https://www.upwork.com/nx/proposals/?a=1");
  });
});
