/** Vite's `?raw` imports: a file's text, bundled (the options page shows PRIVACY.md this way). */
declare module "*.md?raw" {
  const text: string;
  export default text;
}
