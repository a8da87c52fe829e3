import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

/**
 * lib/ and db/ are plain TypeScript: a script, a test or a worker uses them
 * as they are. Only app/ (the edge) knows Next.js, next-auth and React.
 */
const frameworkFree = {
  patterns: [
    {
      group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*", "server-only"],
      message:
        "lib/ and db/ never import Next.js, next-auth or React: throw a DomainError (lib/platform/errors.ts) and let app/_edge map it.",
    },
    { group: ["@/app/*", "**/app/*"], message: "Data flows app → lib → db: lib/ and db/ never import app/." },
    {
      group: ["@/emails/*", "**/emails/*"],
      message:
        "The email templates are React (emails/): lib/ and db/ take the renderer as a parameter (WorkerConfig.render), given by the entry point.",
    },
  ],
};

/**
 * Tests are wiring, like an entry point: they may hand the real templates
 * (emails/render.tsx) to the worker. React itself stays out of lib/ and db/.
 */
const frameworkFreeTests = { patterns: frameworkFree.patterns.filter((p) => !p.group.includes("@/emails/*")) };

/** Files still being moved off Next.js (this list only shrinks). */
const pendingFrameworkFree = [];

const config = [
  ...coreWebVitals,
  ...typescript,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/**/*.ts", "db/**/*.ts"],
    ignores: pendingFrameworkFree,
    rules: { "no-restricted-imports": ["error", frameworkFree] },
  },
  {
    files: ["lib/**/*.test.ts", "db/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", frameworkFreeTests] },
  },
];

export default config;
