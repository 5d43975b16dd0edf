// `npm run bench`: installs what is missing, builds the extension into bench-out/dist (never dist/,
// which a running browser test may be loading), then measures (scripts/bench.ts).
import { ensureChromium, ensureDependencies, run } from "../ensure.mjs";

ensureDependencies();
process.env.CHROME_PATH ||= ensureChromium();
if (run("npx", ["vite", "build", "--logLevel", "warn", "--outDir", "bench-out/dist"]) !== 0) process.exit(1);
process.exit(run("npx", ["tsx", "scripts/bench.ts"]));
