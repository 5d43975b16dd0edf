/** The command line on fixtures and a bad file (records.md §4). */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ParsedPage } from "../../src/shared/records";

const ROOT = resolve(import.meta.dirname, "../..");
const run = async (args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      join(ROOT, "node_modules/.bin/tsx"),
      ["src/cli/main.ts", ...args],
      { cwd: ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe("cli parse", { timeout: 60_000 }, () => {
  it("prints one NDJSON line per file, a clear error for a bad file, and goes on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iw-cli-"));
    const fragment = join(dir, "fragment.html");
    // An outerHTML fragment with no address: the kind is sniffed.
    writeFileSync(
      fragment,
      `<div data-test="freelancer-menu"><section data-test="my-proposals"><h4>My Proposals</h4><p>2 new invitations to interview</p></section></div>`,
    );
    const binary = join(dir, "binary.html");
    writeFileSync(binary, "just some text, no markup at all");
    const r = await run([
      "parse",
      "--now",
      "2026-03-09T12:00:00Z",
      "sample-pages/job.html",
      join(dir, "missing.html"),
      binary,
      fragment,
      "tests/fixtures/invitations/older-2024.html",
    ]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({
      file: "sample-pages/job.html",
      kind: "job",
      url: expect.stringContaining("/jobs/React-Native"),
    });
    expect(
      ParsedPage.safeParse({
        kind: lines[0].kind,
        record: lines[0].record,
        missing: lines[0].missing,
        warnings: lines[0].warnings,
      }).success,
    ).toBe(true);
    expect(lines[0].record.client.totalSpent).toBe(248000);
    expect(lines[1]).toEqual({ file: join(dir, "missing.html"), error: "file not found" });
    expect(lines[2].error).toMatch(/not an HTML file/);
    expect(lines[3]).toMatchObject({ kind: "home", url: null, record: { newInvitations: 2 } });
    expect(lines[4]).toMatchObject({ kind: "invitations", record: { count: 2 } });
  });

  it("takes --url over the file's own address and exits 0 when all files parse", async () => {
    const r = await run([
      "parse",
      "--url",
      "https://www.upwork.com/nx/find-work/best-matches",
      "tests/fixtures/home/three-invites.html",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      url: "https://www.upwork.com/nx/find-work/best-matches",
      kind: "home",
      record: { newInvitations: 3 },
    });
  });

  it("prints usage on bad arguments", async () => {
    for (const args of [
      [],
      ["frobnicate", "x.html"],
      ["parse"],
      ["parse", "--now", "yesterday-ish", "x.html"],
      ["parse", "--bogus", "x.html"],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/usage: npm run cli -- <command>/);
      expect(r.stdout).toBe("");
    }
  });
});

describe("the built command line", { timeout: 120_000 }, () => {
  it("`node dist-cli/invitewise.js` gives the same lines as `npm run cli`", async () => {
    const exec = promisify(execFile);
    // Built where `npm run build:cli` puts it: its dependencies resolve from the project's node_modules.
    await exec(
      join(ROOT, "node_modules/.bin/vite"),
      ["build", "--config", "scripts/vite.cli.config.ts", "--logLevel", "warn"],
      { cwd: ROOT },
    );
    const args = [
      "score",
      "--now",
      "2026-03-09T12:00:00Z",
      "sample-pages/invitation.html",
      "sample-pages/invitations.html",
    ];
    const built = await exec("node", [join(ROOT, "dist-cli", "invitewise.js"), ...args], { cwd: ROOT });
    const viaTsx = await run(args);
    expect(viaTsx.code).toBe(0);
    expect(built.stdout).toBe(viaTsx.stdout);
    expect(built.stdout.trim().split("\n")).toHaveLength(2);
  });
});
