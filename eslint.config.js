// ESLint (flat config): typescript-eslint's type-aware rules, the hooks rules, and the rules that
// encode this codebase's architecture, so that a reviewer no longer has to. `npm test` runs it.
// tests/unit/lint-rules.test.ts proves each architecture rule fires on a sample that breaks it.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Page text must never be parsed as HTML (the brief's first safety rule). */
const htmlSinks = [
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
    message: "Never write HTML: build nodes and set textContent (page text is a stranger's).",
  },
  {
    selector:
      "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/], CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: "Never parse strings as HTML: build nodes and set textContent.",
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: "Never set HTML in JSX: render text children.",
  },
];

/**
 * Reading Upwork's page happens in one layer, so a redesign is mended in one place. The overlay's
 * own closed shadow tree is ours: queries on it (`host.root`) are allowed.
 */
const domQueries = {
  selector:
    "CallExpression[callee.property.name=/^(querySelector|querySelectorAll|getElementById|getElementsByClassName|getElementsByTagName|getElementsByName|closest|matches)$/]:not([callee.object.object.name='host'][callee.object.property.name='root'])",
  message: "Query Upwork's page only in src/content/anchors/ (the anchor layer); use its helpers elsewhere.",
};

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "dist-test/",
      "dist-firefox/",
      "dist-cli/",
      "demo-out/",
      "bench-out/",
      "test-out/",
      "packages/",
      "node_modules/",
      "tests/fixtures/",
      "sample-pages/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["*.js", "scripts/*.mjs", "scripts/bench/*.mjs"] } },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-restricted-globals": [
        "error",
        {
          name: "chrome",
          message: "Use webextension-polyfill's `browser` (one named exception in the content script).",
        },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // preact's event handlers may be async; what they return is ignored by design.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // An async function without await is still a promise-returning API (storage fakes, handlers).
      "@typescript-eslint/require-await": "off",
      // Callbacks in props are declared method-style (`open(): void`) but are plain functions.
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ["src/**"],
    rules: { "no-restricted-syntax": ["error", ...htmlSinks] },
  },
  {
    // Tests and scripts read JSON and drive browsers: values of unknown shape are asserted, not typed.
    files: ["tests/**", "scripts/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    // The content script runs on every Upwork page within a 20 KB budget; scoring and drafting live
    // in the worker and the popup, and reach the page only as messages.
    files: ["src/content/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/scoring/*", "**/scoring", "**/drafting/*", "**/drafting"],
              message: "The content script asks the worker for scores and drafts; it never imports them.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/content/**"],
    ignores: ["src/content/anchors/**"],
    rules: { "no-restricted-syntax": ["error", ...htmlSinks, domQueries] },
  },
  {
    // Plain Node scripts and the configs: no type information needed beyond the defaults.
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
