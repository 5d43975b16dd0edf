/** The release's checks (scripts/release.ts), on their inputs: no real repository is dirtied. */
import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { changelogHas, dirtyPaths, parseVersion, sha256, withVersion } from "../../../scripts/release";

const ROOT = join(import.meta.dirname, "..", "..", "..");

describe("the release refuses a tree with changes", () => {
  it("counts modified, staged, deleted, renamed and untracked files as changes", () => {
    const porcelain = [
      " M src/shared/settings.ts",
      "M  package.json",
      " D README.md",
      "R  old.ts -> new.ts",
      "?? scratch.txt",
      "",
    ].join("\n");
    expect(dirtyPaths(porcelain)).toEqual([
      "src/shared/settings.ts",
      "package.json",
      "README.md",
      "old.ts -> new.ts",
      "scratch.txt",
    ]);
  });

  it("takes a clean tree, and a worktree's node_modules symlink, as clean", () => {
    expect(dirtyPaths("")).toEqual([]);
    expect(dirtyPaths("?? node_modules\n")).toEqual([]);
    expect(dirtyPaths("?? node_modules/x.js\n")).toEqual(["node_modules/x.js"]);
  });
});

describe("the release's version", () => {
  it("is three numbers, as both manifests accept", () => {
    expect(parseVersion("0.2.0")).toBe("0.2.0");
    for (const bad of [undefined, "", "v0.2.0", "0.2", "0.2.0-beta", "01.2.3"])
      expect(() => parseVersion(bad)).toThrow(/Usage: npm run release -- <version>/);
  });

  it("needs its dated section in the changelog, and the changelog has one for this version and the first", async () => {
    expect(changelogHas("## [0.3.0] - 2027-01-10\n", "0.3.0")).toBe(true);
    expect(changelogHas("## [0.3.0]\n", "0.3.0")).toBe(false);
    expect(changelogHas("## [0.3.01] - 2027-01-10\n", "0.3.0")).toBe(false);
    expect(changelogHas("## [0x3x0] - 2027-01-10\n", "0.3.0")).toBe(false);
    const changelog = await readFile(join(ROOT, "CHANGELOG.md"), "utf8");
    const { version } = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(changelogHas(changelog, version)).toBe(true);
    expect(changelogHas(changelog, "0.1.0")).toBe(true);
  });

  it("is set in package.json and in the lock's root package, nothing else changed", () => {
    const lock = JSON.stringify(
      { name: "invitewise", version: "0.1.0", packages: { "": { version: "0.1.0" }, "node_modules/a": { version: "1.0.0" } } },
      null,
      2,
    );
    const bumped = JSON.parse(withVersion(lock, "0.2.0"));
    expect(bumped.version).toBe("0.2.0");
    expect(bumped.packages[""].version).toBe("0.2.0");
    expect(bumped.packages["node_modules/a"].version).toBe("1.0.0");
    expect(withVersion(withVersion(lock, "0.2.0"), "0.2.0")).toBe(withVersion(lock, "0.2.0"));
  });

  it("is package.json's alone: manifest.json carries none, so the two cannot disagree", async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, "manifest.json"), "utf8"));
    expect(manifest.version).toBeUndefined();
    expect(await readFile(join(ROOT, "vite.config.ts"), "utf8")).toMatch(/version: pkg\.version/);
  });

  it("prints SHA-256 as sha256sum does", () => {
    expect(sha256(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
