/** Four projects: `unit` needs nothing but Node (npm test), `e2e` starts the built server
 * against the in-process GitHub simulator, `services` needs PostgreSQL/Redis (npm run test:services),
 * `browser` drives Chromium against the console (npm run test:browser). */
const base = {
  preset: "ts-jest/presets/default-esm",
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true, isolatedModules: true }] },
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/dist-dev/", "<rootDir>/packages/.*/dist/"],
  // Workspace packages load from their TypeScript source (their "source" export condition).
  testEnvironmentOptions: { customExportConditions: ["node", "node-addons", "source"] },
};
export default {
  projects: [
    { ...base, displayName: "unit", testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/packages/*/test/**/*.test.ts"], testPathIgnorePatterns: ["/test/e2e/", "/test/services/", "/test/browser/"] },
    { ...base, displayName: "e2e", testMatch: ["<rootDir>/test/e2e/**/*.test.ts"] },
    // Chromium (/usr/bin/chromium) driven by playwright-core against the real server: npm run test:browser.
    { ...base, displayName: "browser", testMatch: ["<rootDir>/test/browser/**/*.test.ts"] },
    { ...base, displayName: "services", testMatch: ["<rootDir>/test/services/**/*.test.ts"] },
  ],
};
