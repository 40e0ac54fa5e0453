/**
 * How the demo talks in a terminal: a heading per story, one line per thing that happened,
 * and the check run's verdict with the lines that explain it. Colour only on a terminal
 * (and never with NO_COLOR).
 */
import type { Verdict } from "../sandbox/verdict.js";
import { explain, type ExplanationLine } from "./explanation.js";

const WIDTH = 78;

export class Narrator {
  private readonly color: boolean;

  constructor(
    private readonly write: (text: string) => void = (text) => process.stdout.write(text),
    color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  ) {
    this.color = color;
  }

  private paint(code: string, text: string): string {
    return this.color ? `\x1b[${code}m${text}\x1b[0m` : text;
  }

  bold = (text: string) => this.paint("1", text);
  dim = (text: string) => this.paint("2", text);
  private green = (text: string) => this.paint("32", text);
  private yellow = (text: string) => this.paint("33", text);
  private red = (text: string) => this.paint("31", text);
  private cyan = (text: string) => this.paint("36", text);

  line(text = ""): void {
    this.write(`${text}\n`);
  }

  banner(text: string): void {
    this.line(this.bold(text));
  }

  story(number: number, title: string, premise: string): void {
    const heading = `━━ ${number}. ${title} `;
    this.line();
    this.line(this.bold(this.cyan(heading + "━".repeat(Math.max(3, WIDTH - heading.length)))));
    this.line(this.dim(premise));
  }

  /** Something a person or an agent did on GitHub. */
  act(text: string): void {
    this.line(`  • ${text}`);
  }

  /** A webhook GitHub (the simulator) sent to the app. */
  webhook(name: string, status: number, ms: number): void {
    this.line(this.dim(`    ↳ webhook ${name} → HTTP ${status}; evaluated within ${Math.round(ms)} ms`));
  }

  note(text: string): void {
    this.line(this.dim(`    ${text}`));
  }

  verdict(where: string, verdict: Verdict, extra: string[] = [], only?: ExplanationLine["kind"][]): void {
    const conclusion = verdict.conclusion ?? "no check run";
    const icon = conclusion === "success" ? this.green("✔ success") : conclusion === "failure" ? this.red("✘ failure") : this.yellow(`⏳ ${conclusion}`);
    this.line(`    ${this.bold("agent-governance")} on ${where} @ ${verdict.headSha.slice(0, 7)}: ${icon} — ${verdict.title}`);
    const kinds = only ?? ["rule", "ignored", "gate", "policy-error", "agent"];
    for (const line of explain(verdict.summary).filter((l) => kinds.includes(l.kind))) {
      this.line(`      ${this.dim(LABEL[line.kind].padEnd(9))}${line.text}`);
    }
    for (const text of extra) this.line(`      ${text}`);
  }

  outcome(ok: boolean, text: string): void {
    this.line(`  ${ok ? this.green("✔") : this.red("✘")} ${text}`);
  }
}

const LABEL: Record<ExplanationLine["kind"], string> = {
  rule: "rule",
  ignored: "ignored",
  gate: "gate",
  "policy-error": "error",
  agent: "agent",
  signal: "signal",
};
