import { describe, expect, it } from "vitest";
import { headingId, routeOf, sectionOfPath, SECTIONS } from "../../../src/options/route";

describe("options page sections by address", () => {
  it("lists the first-run path first, and Diagnostics apart from the settings", () => {
    expect(SECTIONS.map((s) => s.id)).toEqual(["rates", "profile", "templates", "scoring", "backup", "diagnostics"]);
    expect(SECTIONS.filter((s) => s.settings).map((s) => s.id)).toEqual(["rates", "profile", "templates", "scoring"]);
  });

  it("reads a section from its hash, and the old #import-export and the privacy policy's #privacy as the backup", () => {
    expect(routeOf("#rates")).toEqual({ section: "rates" });
    expect(routeOf("#diagnostics")).toEqual({ section: "diagnostics" });
    expect(routeOf("#import-export")).toEqual({ section: "backup" });
    expect(routeOf("#privacy")).toEqual({ section: "backup" });
    expect(headingId("backup")).toBe("backup-title");
  });

  it("shows a field's own section, with the field to focus", () => {
    expect(routeOf("#f-scoring-weights-hireRate")).toEqual({ section: "scoring", field: "f-scoring-weights-hireRate" });
    expect(routeOf("#f-profile-portfolio-3-title")).toEqual({
      section: "profile",
      field: "f-profile-portfolio-3-title",
    });
  });

  it("ignores what names no section: the page stays where it is", () => {
    for (const hash of ["", "#", "#main", "#f-nothing-here", "#f-backup-x", "#%E0%A4%A"])
      expect(routeOf(hash)).toBeNull();
  });

  it("maps a settings path to its section", () => {
    expect(sectionOfPath("rates.hourly")).toBe("rates");
    expect(sectionOfPath("templates.decline")).toBe("templates");
    expect(sectionOfPath("version")).toBeNull();
    expect(sectionOfPath("diagnostics")).toBeNull();
  });
});
