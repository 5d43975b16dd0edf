// Vite's `?inline` turns a stylesheet into a string we adopt inside a shadow root (never into the page).
declare module "*.css?inline" {
  const css: string;
  export default css;
}
