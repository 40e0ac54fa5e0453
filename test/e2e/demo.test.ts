/**
 * `npm run demo` (the built dist-dev/tools/demo/main.js): it plays every story, shows each verdict
 * with its explanation, exits 0 — and with --keep leaves the servers up, with the simulated
 * GitHub readable as JSON, until it is interrupted.
 */
import { signIn } from "../../tools/sandbox/console-client.js";
import { describe, expect, it, jest } from "@jest/globals";
import { spawn } from "node:child_process";
import { projectRoot } from "../../tools/sandbox/app-process.js";

const MAIN = "dist-dev/tools/demo/main.js";

// The demo plays six stories through a real server: seconds on a busy 2-core machine.
jest.setTimeout(60_000);

function runDemo(args: string[] = [], onOutput?: (all: string, kill: (signal: NodeJS.Signals) => void) => void): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: projectRoot(), env: { ...process.env, NODE_OPTIONS: "", NO_COLOR: "1" } });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      onOutput?.(out, (signal) => child.kill(signal));
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

describe("npm run demo", () => {
  it("plays every story, prints each verdict, and exits 0", async () => {
    const { code, out, err } = await runDemo();
    expect({ code, err }).toEqual({ code: 0, err: "" });
    for (const heading of [
      "1. An AI pull request waits for a senior",
      "2. A new push makes the approval stale",
      "3. An agent touches a forbidden path",
      "4. A pull request tries to relax the policy",
      "5. A human pull request passes",
      "6. A reliable agent earns autonomy",
    ]) {
      expect(out).toContain(heading);
    }
    expect(out).toMatch(/acme\/payments#1 @ \w{7}: ⏳ action_required — Waiting for 1 approval from @acme\/senior-engineers/);
    expect(out).toMatch(/ignored {2}@bob — not eligible/);
    expect(out).toMatch(/ignored {2}@carol — stale/);
    expect(out).toMatch(/✘ failure — Gate failed: forbidden path \.github\/workflows\/deploy\.yml/);
    expect(out).toMatch(/copilot: established — 3 merged, 0 reverted/);
    expect(out).toContain("✔ every verdict is the one the story expects");
  });

  it("with --keep serves the simulated GitHub as JSON and the console until interrupted", async () => {
    let state: unknown;
    let organisation = "";
    let asked = false;
    const { code } = await runDemo(["--keep"], (out, kill) => {
      const url = /simulated GitHub as JSON\s+(\S+)/.exec(out)?.[1];
      const signInLink = /sign in as carol \(senior\)\s+(\S+)/.exec(out)?.[1];
      if (!url || !signInLink || asked || !out.includes("Ctrl-C stops them")) return;
      asked = true;
      const consoleUrl = new URL(signInLink).origin;
      void fetch(url)
        .then((response) => response.json())
        .then((json) => (state = json))
        .then(() => signIn(consoleUrl, "carol"))
        .then((carol) => carol.get("/acme"))
        .then((page) => (organisation = page.text))
        .finally(() => kill("SIGINT"));
    });
    expect(code).toBe(0);
    expect(state).toMatchObject({ repos: { "acme/payments": expect.objectContaining({ fullName: "acme/payments" }) } });
    // The trusted agent of the stories, with its merges, on the organisation page.
    expect(organisation).toMatch(/<a href="\/acme\/agents\/copilot">copilot<\/a>/);
  });

  it("refuses an unknown argument with exit code 2", async () => {
    const { code, err } = await runDemo(["--bogus"]);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown argument --bogus/);
  });
});
