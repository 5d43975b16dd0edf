/** Docking: the panel goes in the highest band beside the page where no Upwork control is. */
import { describe, expect, it } from "vitest";
import { chooseDock } from "../../../src/content/overlay/mount";

const VIEW = { width: 1280, height: 900 };
const box = (left: number, top: number, w: number, h: number) => ({ left, top, right: left + w, bottom: top + h });

describe("chooseDock", () => {
  it("docks top right when nothing is there", () => {
    expect(chooseDock([box(10, 100, 100, 30)], VIEW, 320, 400)).toEqual({ side: "right", top: 72, maxHeight: 812 });
  });

  it("moves below a button in the right column", () => {
    const dock = chooseDock([box(1100, 100, 120, 40)], VIEW, 320, 400);
    expect(dock).toEqual({ side: "right", top: 144, maxHeight: 740 });
  });

  it("goes to the left when the right column is full of buttons", () => {
    const buttons = Array.from({ length: 20 }, (_, i) => box(1000, 72 + i * 45, 200, 40));
    expect(chooseDock(buttons, VIEW, 320, 400)?.side).toBe("left");
  });

  it("takes the largest free band (the panel then scrolls) when none fits its whole height", () => {
    // A button across the page at 400: the bands are 72..396 and 444..884 on both sides.
    const dock = chooseDock([box(0, 400, 1280, 40)], VIEW, 320, 2000);
    expect(dock).toEqual({ side: "right", top: 444, maxHeight: 440 });
  });

  it("gives up (the panel collapses) when no band is tall enough", () => {
    const everywhere = Array.from({ length: 40 }, (_, i) => box(0, 72 + i * 22, 1280, 20));
    expect(chooseDock(everywhere, VIEW, 320, 400)).toBeNull();
  });
});
