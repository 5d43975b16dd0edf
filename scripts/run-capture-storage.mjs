// `npm run capture-storage [-- --force]`: installs what is missing, builds, and keeps the whole of
// storage after a realistic run of this build as an upgrade fixture (scripts/capture-storage.ts).
import { ensureChromium, ensureDependencies, run } from "./ensure.mjs";

ensureDependencies();
process.env.CHROME_PATH ||= ensureChromium();
if (run("npx", ["vite", "build", "--logLevel", "warn"]) !== 0) process.exit(1);
process.exit(run("npx", ["tsx", "scripts/capture-storage.ts", ...process.argv.slice(2)]));
