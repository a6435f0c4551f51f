// ESLint for the whole repository; why each choice is made: docs/decisions/026-lint-and-format.md.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// `domain/` is pure: it imports only itself (through `~/domain/` or a relative path that stays
// inside it) and libraries that need no database, framework or server. A file n folders below
// app/domain leaves it with n + 1 `../`, so each depth gets its own pattern.
const DOMAIN_MAX_DEPTH = 4;
const domainOutside = {
  regex: "^~/(?!domain/)",
  message: "domain/ imports nothing outside itself: move the code into domain/, or call it from a model or route.",
};
const domainFrameworks = {
  group: ["@remix-run/*", "@prisma/*", "react", "react-dom", "pg", "better-sqlite3", "**/*.server", "**/generated/**"],
  message: "domain/ is plain TypeScript without a database, framework or server: keep that in models/ or routes/.",
};
function domainDepth(depth) {
  return {
    files: [`app/domain/${"*/".repeat(depth)}*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [domainOutside, domainFrameworks, { regex: `^(\\.\\./){${depth + 1},}`, message: domainOutside.message }],
        },
      ],
    },
  };
}

// Routes reach the database through models/ (or a domain operation), never the client itself.
const routeDatabase = {
  paths: [
    { name: "~/db/client.server", message: "Routes don't reach the database client: call a function in models/ that gets it." },
    { name: "@prisma/client", message: "Routes don't reach the database client: call a function in models/." },
  ],
  patterns: [{ group: ["~/generated/**", "**/generated/**"], message: "Routes don't reach the database client: call a function in models/." }],
};

export default tseslint.config(
  {
    ignores: ["build/", "public/build/", "app/generated/", ".cache/", "data/", "test-results/", "playwright-report/", "tests/.artifacts/"],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The type-aware rules that find real bugs, not the whole type-checked set (see the ADR).
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-base-to-string": "error",
      // TypeScript itself reports undefined names.
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Playwright fixtures must destructure their first argument, even when they use none of it.
      "no-empty-pattern": ["error", { allowObjectPatternsAsParameters: true }],
      // Japanese text keeps its full-width spaces in template literals as well as in strings.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true }],
      // `import { z }` is a namespace object the bundler must keep whole: 454 KB of Zod in every
      // page with a form, against 85 KB for `import * as z` (ADR 030).
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value=/^zod/] > ImportSpecifier[imported.name='z']",
          message: 'Import Zod as `import * as z from "zod"`, so the client bundle keeps only what the schemas use.',
        },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["app/**/*.tsx"],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrolling table is a labelled region that takes focus, so the keyboard can scroll it.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
    },
  },
  ...Array.from({ length: DOMAIN_MAX_DEPTH + 1 }, (_, depth) => domainDepth(depth)),
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", routeDatabase] },
  },
);
