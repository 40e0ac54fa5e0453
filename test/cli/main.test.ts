import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { EXIT, runCli, type Command } from "../../src/cli/main.js";
import { cli } from "./git-repo.js";

/** A command that reports what it was given, to test dispatch without git or a policy. */
const echo: Command = {
  name: "echo",
  summary: "print the arguments",
  help: "Usage: agent-governance echo [--loud] [WORD]\n",
  options: { loud: { type: "boolean" } },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    io.stdout.write(JSON.stringify({ loud: values.loud ?? false, positionals }));
    return 7;
  },
};

async function runEcho(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { cwd: tmpdir(), stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } }, [echo]);
  return { code, stdout, stderr };
}

describe("runCli dispatch", () => {
  it("runs the named command with its parsed options and returns its exit code", async () => {
    expect(await runEcho("echo", "--loud", "hi")).toEqual({ code: 7, stdout: '{"loud":true,"positionals":["hi"]}', stderr: "" });
  });

  it.each([
    ["no command", []],
    ["an unknown command", ["frobnicate"]],
    ["an unknown option", ["echo", "--quiet"]],
    ["too many arguments", ["echo", "a", "b"]],
  ])("prints usage on stderr and exits 2 for %s", async (_, argv) => {
    const run = await runEcho(...argv);
    expect(run).toMatchObject({ code: EXIT.error, stdout: "" });
    expect(run.stderr).toMatch(/^agent-governance: .+\n\nUsage: agent-governance/);
  });

  it("names the unknown command", async () => {
    expect((await runEcho("frobnicate")).stderr).toContain("unknown command 'frobnicate'");
  });

  it("names an unknown option in one sentence", async () => {
    expect((await runEcho("echo", "--quiet")).stderr).toMatch(/^agent-governance: echo: Unknown option '--quiet'\n/);
  });

  it.each([["--help"], ["-h"], ["help"]])("prints the command list on stdout for %s", async (flag) => {
    expect(await runEcho(flag)).toEqual({ code: EXIT.ok, stdout: expect.stringContaining("  echo  print the arguments"), stderr: "" });
  });

  it.each([["echo", "--help"], ["help", "echo"]])("prints a command's help for %s %s", async (...argv) => {
    expect(await runEcho(...argv)).toEqual({ code: EXIT.ok, stdout: echo.help, stderr: "" });
  });
});

describe("the real commands", () => {
  it.each(["validate", "check"])("%s --help documents its exit codes", async (name) => {
    const run = await cli(tmpdir(), name, "--help");
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toMatch(/Exit codes:\n  0 .+\n  1 .+\n  2 .+/);
  });

  it.each(["--version", "-v"])("%s prints the package's version", async (flag) => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(await cli(tmpdir(), flag)).toEqual({ code: EXIT.ok, stdout: `agent-governance ${version}\n`, stderr: "" });
  });

  it("lists validate and check in the usage", async () => {
    const { stdout } = await cli(tmpdir(), "--help");
    expect(stdout).toMatch(/^ {2}validate {2}/m);
    expect(stdout).toMatch(/^ {2}check {5}/m);
  });

  it("rejects a value-less --base as a usage error", async () => {
    expect(await cli(tmpdir(), "check", "--base")).toMatchObject({ code: EXIT.error, stderr: expect.stringContaining("--base") });
  });
});
