/**
 * True only in the test build (`vite build --mode test`, into dist-test/); false in every package a
 * user installs (dist/, dist-firefox/). A compile-time constant (vite.config.ts defines it), so what
 * it guards is left out of release builds entirely.
 */
declare const __IW_TEST_HOOKS__: boolean;
