/**
 * Which Node.js versions are supported, said once in package.json's `engines` and repeated in
 * README, and proven by running this suite: the Node it runs on must be one of them. A
 * production dependency that declares a newer Node than the oldest supported one must be
 * known to work anyway (the suite passes on it) and named in README.
 */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const manifest = JSON.parse(read("package.json")) as { engines: { node: string } };
const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, { dev?: boolean; engines?: { node?: string } }> };
const readme = read("README.md");

/** The supported range: Node 20 from 20.18.1 (Probot's minimum), and 22 or later. */
const SUPPORTED = "^20.18.1 || >=22";
const OLDEST = [20, 18, 1];

/** Dependencies that declare a newer Node but run on Node 20 (the suite runs them). */
const DECLARE_NEWER = ["content-type"];

const version = (text: string) => text.replace(/^v/, "").split(".").map(Number);
const atLeast = (have: number[], want: number[]) => have[0] !== want[0] ? have[0] > want[0] : have[1] !== want[1] ? have[1] > want[1] : have[2] >= want[2];

describe("Node.js support", () => {
  it("is declared in package.json's engines and stated in README", () => {
    expect(manifest.engines.node).toBe(SUPPORTED);
    expect(readme).toContain(`\`engines\`: \`${SUPPORTED}\``);
  });

  it("includes the Node this suite runs on", () => {
    const running = version(process.version);
    expect(running[0] === 20 ? atLeast(running, OLDEST) : running[0] >= 22).toBe(true);
  });

  it("is not narrowed by a production dependency unknown to README", () => {
    const newer = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && !entry.dev && entry.engines?.node !== undefined)
      .filter(([, entry]) => {
        // A lower bound above the oldest supported major (">=22", ">= 21.0") leaves Node 20 out.
        const bound = /^>=?\s*v?(\d+)/.exec(entry.engines!.node!.trim());
        return bound !== null && Number(bound[1]) > OLDEST[0];
      })
      .map(([path]) => path.replace(/^.*node_modules\//, ""));
    expect([...new Set(newer)].sort()).toEqual(DECLARE_NEWER);
    for (const name of DECLARE_NEWER) expect(readme).toContain(`\`${name}\``);
  });
});
