// `npm run store-assets`: installs what is missing, builds, and writes the store listing's pictures and
// text to store/ from the built extension on the sample pages (scripts/store-assets.ts).
import { ensureChromium, ensureDependencies, run } from "./ensure.mjs";

ensureDependencies();
process.env.CHROME_PATH ||= ensureChromium();
if (run("npx", ["vite", "build", "--logLevel", "warn"]) !== 0) process.exit(1);
process.exit(run("npx", ["tsx", "scripts/store-assets.ts"]));
