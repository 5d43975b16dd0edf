import { describe, expect, it } from "vitest";
import { fieldId, errorId, formatNumber, parseList, parseNumber, setAt, validate } from "../../../src/options/form";
import { defaultSettings } from "../../../src/shared/settings";

describe("options form helpers", () => {
  it("reads numbers as typed: empty is null, unreadable is NaN (so validation names it)", () => {
    expect(parseNumber("")).toBeNull();
    expect(parseNumber(" 45 ")).toBe(45);
    expect(parseNumber("$1,250.50")).toBe(1250.5);
    expect(parseNumber("1.")).toBe(1);
    expect(parseNumber("abc")).toBeNaN();
    expect(parseNumber("4e5")).toBeNaN();
    expect(formatNumber(Number.NaN)).toBe("");
    expect(formatNumber(null)).toBe("");
    expect(formatNumber(0)).toBe("0");
  });

  it("splits comma lists, dropping empties", () => {
    expect(parseList("React,  Expo.io , ,TypeScript,")).toEqual(["React", "Expo.io", "TypeScript"]);
  });

  it("updates a copy along the path only", () => {
    const s = defaultSettings();
    const next = setAt(s, ["profile", "portfolio"], [{ title: "A", skills: [] }]);
    expect(next.profile.portfolio).toHaveLength(1);
    expect(s.profile.portfolio).toHaveLength(0);
    expect(next.rates).toBe(s.rates);
  });

  it("maps every problem to its field, with ids that tie the error to the input", () => {
    const s = setAt(
      setAt(defaultSettings(), ["scoring", "weights", "budget"], Number.NaN),
      ["profile", "portfolio"],
      [{ title: "", skills: [] }],
    );
    expect(validate(s)).toEqual({
      "scoring.weights.budget": "Enter a number.",
      "profile.portfolio.0.title": "Required.",
    });
    expect(validate(setAt(defaultSettings(), ["rates", "hourly"], -1))).toEqual({
      "rates.hourly": "Must be at least 0.",
    });
    expect(validate(defaultSettings())).toEqual({});
    expect(fieldId(["profile", "portfolio", 0, "title"])).toBe("f-profile-portfolio-0-title");
    expect(errorId(["rates", "hourly"])).toBe("f-rates-hourly-error");
  });
});
