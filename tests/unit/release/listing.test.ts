/** The store listing (scripts/store-listing.ts → store/listing.md) follows the manifest it describes. */
import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  HOST_JUSTIFICATIONS,
  listingMarkdown,
  listingProblems,
  PERMISSION_JUSTIFICATIONS,
  readListingInput,
  SCREENSHOTS,
  SUMMARY_MAX,
} from "../../../scripts/store-listing";

const ROOT = join(import.meta.dirname, "..", "..", "..");

describe("the store listing", () => {
  it("is store/listing.md exactly: regenerated with `npm run store-assets`, never edited by hand", async () => {
    const committed = await readFile(join(ROOT, "store", "listing.md"), "utf8");
    expect(committed, "store/listing.md is stale: run npm run store-assets").toBe(
      listingMarkdown(await readListingInput(ROOT)),
    );
  });

  it("justifies every permission and host permission the manifest asks for, and none it does not", async () => {
    const input = await readListingInput(ROOT);
    expect(listingProblems(input)).toEqual([]);
    expect(Object.keys(PERMISSION_JUSTIFICATIONS).sort()).toEqual([...(input.manifest.permissions ?? [])].sort());
    expect(Object.keys(HOST_JUSTIFICATIONS)).toEqual(input.manifest.host_permissions);
    const listing = listingMarkdown(input);
    for (const p of input.manifest.permissions ?? []) expect(listing).toContain(`**${p} justification:**`);
    expect(listing).toContain("**Host permission justification**");
  });

  it("names what is missing or over the limit, and refuses to generate then", async () => {
    const input = await readListingInput(ROOT);
    const longer = {
      ...input,
      manifest: { ...input.manifest, permissions: [...(input.manifest.permissions ?? []), "tabs"] },
      messages: { ...input.messages, extDescription: { message: "x".repeat(SUMMARY_MAX + 1) } },
    };
    expect(listingProblems(longer)).toEqual([
      `the summary is ${SUMMARY_MAX + 1} characters, over ${SUMMARY_MAX}`,
      'no justification for the "tabs" permission',
    ]);
    expect(() => listingMarkdown(longer)).toThrow(/The listing is not ready/);
    const fewer = { ...input, manifest: { ...input.manifest, permissions: ["storage"] } };
    expect(listingProblems(fewer)).toContain('a justification for "alarms", which the manifest does not ask for');
  });

  it("has a summary within the store's 132 characters, five screenshots and the privacy policy", async () => {
    const input = await readListingInput(ROOT);
    expect(input.messages["extDescription"]!.message.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(SCREENSHOTS).toHaveLength(5);
    expect(listingMarkdown(input)).toMatch(/PRIVACY\.md/);
  });
});
