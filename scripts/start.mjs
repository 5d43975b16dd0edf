// `npm start`: installs what is missing, builds, and shows the extension working on the bundled
// sample pages in real Chromium (headed when a display exists), writing screenshots to demo-out/.
import { ensureChromium, ensureDependencies, run } from "./ensure.mjs";

ensureDependencies();
process.env.CHROME_PATH ||= ensureChromium();
if (run("npx", ["vite", "build", "--logLevel", "warn"]) !== 0) process.exit(1);
// The test build too: the demo's one picture of the badges' error state needs its fault switch.
if (run("npx", ["vite", "build", "--mode", "test", "--logLevel", "warn"]) !== 0) process.exit(1);
process.exit(run("npx", ["tsx", "scripts/demo.ts"]));
