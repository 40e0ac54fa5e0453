/**
 * The Dockerfile read statically (no Docker engine in CI): the runtime stage runs the built
 * server as the unprivileged `node` user in production mode, health-checks /healthz, and the
 * build context never carries secrets.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { PRODUCTION_NODE_ARGS, PRODUCTION_NODE_OPTIONS } from "../../tools/sandbox/app-process.js";

const dockerfile = readFileSync("Dockerfile", "utf8");
const ignored = readFileSync(".dockerignore", "utf8").split("\n").map((line) => line.trim());
/** Instructions after the last FROM: what the image runs with. */
const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };

describe("the production image", () => {
  it("runs from node:20-slim in a separate stage from the build", () => {
    expect(dockerfile).toMatch(/^FROM node:20-slim AS build$/m);
    expect(runtime).toMatch(/^FROM node:20-slim$/m);
  });

  it("runs as the node user with NODE_ENV=production, listening on 0.0.0.0:3000", () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).toMatch(/HOST=0\.0\.0\.0/);
    expect(runtime).toMatch(/^EXPOSE 3000$/m);
  });

  it("keeps the ledger on the /data volume", () => {
    expect(runtime).toMatch(/GOVERNANCE_DATA_DIR=\/data/);
    expect(runtime).toMatch(/^VOLUME \["\/data"\]$/m);
  });

  it("health-checks /healthz and starts the same entry point as npm start", () => {
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(runtime).toMatch(/^CMD \["node", "--optimize-for-size", "dist\/src\/server\.js"\]$/m);
    expect(pkg.scripts.start).toBe('NODE_OPTIONS="--max-semi-space-size=2 ${NODE_OPTIONS:-}" node --optimize-for-size dist/src/server.js');
    // The benchmarks start the server with the same flags (tools/sandbox/app-process.ts).
    expect(PRODUCTION_NODE_ARGS).toEqual(["--optimize-for-size"]);
    expect(PRODUCTION_NODE_OPTIONS).toBe("--max-semi-space-size=2");
  });

  it("runs with the same young-generation size as npm start, which an operator's NODE_OPTIONS can override", () => {
    expect(runtime).toMatch(/NODE_OPTIONS=--max-semi-space-size=2\b/);
  });

  it("installs with npm ci and drops dev dependencies and the workspace links", () => {
    expect(dockerfile).toMatch(/RUN npm ci\b/);
    expect(dockerfile).toMatch(/npm prune --omit=dev --workspaces=false/);
  });

  it("compiles the product only and copies no workspace package's code", () => {
    expect(dockerfile).toMatch(/npx tsc -p tsconfig\.build\.json/);
    const copied = [...dockerfile.matchAll(/^COPY (?:--from=\S+ )?(\S+)/gm)].map((m) => m[1]);
    expect(copied.filter((source) => source.startsWith("packages/"))).toEqual(["packages/github-simulator/package.json"]);
    expect(ignored).toEqual(expect.arrayContaining(["packages/*/*", "!packages/*/package.json", "tools"]));
  });

  it.each(["package-lock.json", "tsconfig.build.json", "app.yml", "src/server.ts"])("copies %s, which exists", (file) => {
    expect(dockerfile).toContain(file.split("/")[0]);
    expect(existsSync(file)).toBe(true);
  });

  it.each([".env", "*.pem", "node_modules", ".git"])("leaves %s out of the build context", (pattern) => {
    expect(ignored).toContain(pattern);
  });
});
