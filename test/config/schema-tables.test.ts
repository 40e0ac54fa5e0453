/** The `when` and `gates` parts of the policy file's schema come from the engine's tables. */
import { describe, expect, it } from "@jest/globals";
import { normalisePolicy } from "../../src/config/normalise.js";
import { POLICY_SCHEMA } from "../../src/config/schema.js";
import { GATES } from "../../src/policy/gates/table.js";
import { CONDITIONS } from "../../src/policy/predicates/table.js";

type Node = { properties: Record<string, Node>; items: Node; default?: unknown };
const file = POLICY_SCHEMA as unknown as Node;
const whenProperties = file.properties.rules.items.properties.when.properties;
const gatesProperties = file.properties.gates.properties;

describe("the policy file's schema, built from the predicate and gate tables", () => {
  it("has one `when` key per condition, in the table's order, each with the condition's own schema", () => {
    const keys = CONDITIONS.map((condition) => condition.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(whenProperties)).toEqual(keys);
    for (const { key, schema } of CONDITIONS) expect(JSON.stringify(whenProperties[key])).toBe(JSON.stringify(schema));
  });

  it("has the `gates` keys each gate declares, in the table's order, none declared twice", () => {
    const keys = GATES.flatMap((gate) => Object.keys(gate.properties));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(gatesProperties)).toEqual(keys);
    for (const gate of GATES) {
      for (const [key, schema] of Object.entries(gate.properties)) expect(JSON.stringify(gatesProperties[key])).toBe(JSON.stringify(schema));
    }
  });

  it("fills a gate the file leaves out with its schema default, and leaves gates without a default out", () => {
    expect(normalisePolicy({ version: 1 }).gates).toEqual({
      forbidden_paths: [],
      forbidden_paths_case_sensitive: false,
      required_checks: [],
      forbid_agent_signoff: false,
    });
  });

  it("copies what the file wrote, so the normalised policy shares no list with the file", () => {
    const tests = { when_changed: ["src/**"], require_changed: ["test/**"] };
    const normalised = normalisePolicy({ version: 1, gates: { tests } }).gates;
    expect(normalised.tests).toEqual(tests);
    expect(normalised.tests?.when_changed).not.toBe(tests.when_changed);
  });
});
