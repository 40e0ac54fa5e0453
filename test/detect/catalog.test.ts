import { describe, expect, it } from "@jest/globals";
import { CATALOG } from "../../src/detect/catalog.js";
import { DEFAULT_DETECTION, detectCommit } from "../../src/detect/detect.js";
import { resolve } from "node:path";
import { fixtureFacts, loadCorpus, commitFacts, loadFixtures } from "./corpus.js";

const fixtures = loadFixtures("agents");

describe("the catalogue data", () => {
  it("covers the well-known coding agents", () => {
    const ids = CATALOG.map((agent) => agent.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "claude-code", "copilot", "cursor", "codex", "devin", "jules", "gemini-cli", "gemini-code-assist", "aider",
        "amazon-q", "amp", "openhands", "sweep", "windsurf", "cline", "roo-code", "continue", "factory-droid", "opencode",
      ]),
    );
  });

  it("knows at least 60 agents and AI reviewers", () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(60);
  });

  it("has unique kebab-case ids", () => {
    const ids = CATALOG.map((agent) => agent.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("gives every mark its evidence", () => {
    for (const agent of CATALOG) {
      const marks = [...agent.identities, ...agent.trailers, ...agent.footers, ...agent.links, ...agent.branches, ...(agent.nameSuffixes ?? []), ...(agent.subjectPrefixes ?? [])];
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.evidence.trim()).not.toBe("");
    }
  });

  it("never lists a whole vendor domain or a display name as an identity", () => {
    for (const agent of CATALOG) {
      for (const identity of agent.identities) {
        expect(identity.login ?? identity.id ?? identity.email).toBeDefined();
        if (identity.email) expect(identity.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/i);
      }
    }
  });

  it("anchors every footer at the start of a line", () => {
    for (const agent of CATALOG) for (const footer of agent.footers) expect(footer.line.source.startsWith("^")).toBe(true);
  });
});

describe("each catalogue agent is detected from its fixture", () => {
  it("has a fixture for every agent", () => {
    const covered = new Set(fixtures.flatMap((f) => f.expect.agents));
    expect(CATALOG.map((agent) => agent.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(fixtures.map((f) => [f.expect.agents.join("+"), f.source, f] as const))("%s — %s", (_agents, _source, fixture) => {
    const detection = detectCommit(fixtureFacts(fixture), DEFAULT_DETECTION);
    expect(detection.aiAssisted).toBe(true);
    expect(detection.agents).toEqual([...fixture.expect.agents].sort());
  });
});

describe("every AI record of the dev corpus is explained", () => {
  const CATALOGUE_RULES = new Set(["catalogue-identity", "catalogue-trailer", "catalogue-footer", "catalogue-link", "aider-convention", "branch"]);

  it.each(["corpus.json", "corpus-2026-12.json"])("by a catalogue entry or a structural rule (%s)", (file) => {
    const records = loadCorpus(resolve(process.cwd(), "test/detect/fixtures", file)).filter((r) => r.ai);
    const byRule = new Map<string, string[]>();
    const unexplained: string[] = [];
    for (const record of records) {
      const signals = detectCommit(commitFacts(record), DEFAULT_DETECTION).signals.filter((s) => s.counted);
      if (signals.length === 0) unexplained.push(`${record.id} ${record.source}`);
      const catalogued = signals.some((s) => CATALOGUE_RULES.has(s.rule));
      const key = catalogued ? "catalogue" : `structural: ${[...new Set(signals.map((s) => s.rule))].sort().join(" + ")}`;
      byRule.set(key, [...(byRule.get(key) ?? []), record.id]);
    }
    // Printed so that a reader sees which records only the structural rules explain.
    console.log(`${file}:\n${[...byRule].map(([key, ids]) => `  ${key}: ${ids.length} (${ids.join(", ")})`).join("\n")}`);
    expect(unexplained).toEqual([]);
  });
});
