import { defineConfig } from "vite";

// The command line as one Node file (`node dist-cli/invitewise.js parse FILE…`, records.md §4);
// dependencies (happy-dom, zod) stay in node_modules.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: "src/cli/main.ts",
    outDir: "dist-cli",
    emptyOutDir: true,
    target: "node20",
    rollupOptions: { output: { entryFileNames: "invitewise.js" } },
  },
});
