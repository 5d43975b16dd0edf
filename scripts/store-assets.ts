/**
 * `npm run store-assets`: the store listing from the product itself. Drives the built extension over
 * the sample pages as a user would (scripts/user-run.ts, as the demo does) and writes to store/:
 * five 1280×800 screenshots, the 440×280 small promo tile, and listing.md (scripts/store-listing.ts).
 * Regenerated, never hand-edited.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { clickInShadow, waitForShadow } from "./closed-shadow";
import { launchExtension, ROOT } from "./extension-browser";
import {
  listingMarkdown,
  PROMO_TILE,
  readListingInput,
  SCREENSHOT_SIZE,
  SCREENSHOTS,
  SUMMARY_MAX,
} from "./store-listing";
import { importSettings, openOptions, openPopupForTab, sampleOf, settle } from "./user-run";

export const STORE = join(ROOT, "store");

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString("base64")}`;

/** Renders a picture from HTML at an exact size (the composed popup shot, the promo tile). */
async function renderHtml(page: Page, html: string, size: { width: number; height: number }): Promise<Buffer> {
  await page.setViewportSize(size);
  await page.setContent(html, { waitUntil: "load" });
  return page.screenshot({ clip: { x: 0, y: 0, ...size } });
}

async function main(): Promise<void> {
  await mkdir(STORE, { recursive: true });
  const input = await readListingInput(ROOT);
  // The listing first: a permission without its justification stops here, before any browser starts.
  const listing = listingMarkdown(input);
  const browser = await launchExtension({ headless: true });
  const written: string[] = [];
  const save = async (file: string, png: Buffer) => {
    await writeFile(join(STORE, file), png);
    written.push(`store/${file}`);
  };
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize(SCREENSHOT_SIZE);
    const shot = () => page.screenshot({ fullPage: false });

    // The user's profile first, so scores count skills and rates and the drafts are personal.
    const options = await openOptions(browser);
    await importSettings(options);
    for (const kind of ["invitations", "invitation", "job"]) {
      await page.goto((await sampleOf(kind)).url);
      await settle(page);
    }

    const [list, panel, popupShot, optionsShot, ranking] = SCREENSHOTS;
    const invitations = await sampleOf("invitations");
    await page.goto(invitations.url);
    await settle(page);
    await save(list.file, await shot());

    await page.goto((await sampleOf("invitation")).url);
    await settle(page);
    await save(panel.file, await shot());

    // The popup opens over the page it drafts for, as the toolbar shows it.
    const job = await sampleOf("job");
    await page.goto(job.url);
    await settle(page);
    const behind = await shot();
    const popup = await openPopupForTab(browser, job.url);
    const popupPng = await popup.screenshot({ clip: { x: 0, y: 0, width: 420, height: 760 } });
    await popup.close();
    const composer = await browser.context.newPage();
    await save(
      popupShot.file,
      await renderHtml(
        composer,
        `<body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative">
          <img src="${dataUrl(behind)}" style="position:absolute;inset:0;filter:brightness(0.9)">
          <img src="${dataUrl(popupPng)}" style="position:absolute;top:20px;right:24px;border-radius:8px;
            box-shadow:0 8px 28px rgba(0,0,0,.35),0 0 0 1px rgba(0,0,0,.15)">
        </body>`,
        SCREENSHOT_SIZE,
      ),
    );

    await options.setViewportSize(SCREENSHOT_SIZE);
    await options.evaluate(() => (location.hash = "profile"));
    await options.locator("#profile-title").waitFor();
    await settle(options);
    await save(optionsShot.file, await options.screenshot({ fullPage: false }));

    // Back on the list: the opened invitation's badge opens its panel, whose "Back" ranks them all.
    await page.goto(invitations.url);
    await settle(page);
    await clickInShadow(page, "[data-iw-invitation]:not([data-iw-fit='unknown']):not([data-iw-provisional])", "button");
    await clickInShadow(page, "[data-iw-panel]", "button", "Back to the ranking");
    await waitForShadow(page, "[data-iw-panel]", function () {
      return this.querySelector(".ranked") !== null;
    });
    await settle(page);
    await save(ranking.file, await shot());

    // The small promo tile: the icon, the name and what it does, in the extension's own green.
    const icon = await readFile(join(ROOT, "public", "icons", "icon-128.png"));
    await save(
      PROMO_TILE.file,
      await renderHtml(
        composer,
        `<body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:24px;padding:0 32px;
          box-sizing:border-box;background:linear-gradient(135deg,#14702f,#0b3d1a);color:#fff;
          font-family:system-ui,'DejaVu Sans',sans-serif">
          <img src="${dataUrl(icon)}" width="96" height="96" style="flex:none;background:#fff;border-radius:24px;
            padding:8px;box-shadow:0 4px 14px rgba(0,0,0,.3)">
          <div><div style="font-size:38px;font-weight:700;letter-spacing:-0.5px">Invitewise</div>
          <div style="font-size:18px;line-height:1.35;margin-top:8px;opacity:.95">Fit score, reply-by time and
          reply drafts for Upwork invitations</div></div>
        </body>`,
        PROMO_TILE,
      ),
    );
  } finally {
    await browser.close();
  }
  await writeFile(join(STORE, "listing.md"), listing);
  written.push("store/listing.md");
  console.log(`Store assets (summary ${input.messages["extDescription"]?.message.length}/${SUMMARY_MAX} characters):`);
  for (const file of written) console.log(`  ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
