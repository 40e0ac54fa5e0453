import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { validatePolicyBlob } from "../../src/config/load.js";
import { createPolicyAjv } from "../../src/config/schema-check.js";
import { POLICY_SCHEMA_URL, renderSchemaJson } from "../../src/config/schema.js";
import { FULL_EXAMPLE_ORG, FULL_EXAMPLE_REPO, policyBlob } from "./fixtures.js";

const schemaFile = readFileSync(new URL("../../schema/agent-governance.schema.json", import.meta.url), "utf8");

describe("schema/agent-governance.schema.json", () => {
  it("is what scripts/generate-schema.ts generates from src/config/schema.ts", () => {
    expect(schemaFile).toBe(renderSchemaJson());
  });

  it("names its URL in `$id`, and README tells editors that URL", () => {
    expect(JSON.parse(schemaFile).$id).toBe(POLICY_SCHEMA_URL);
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(`# yaml-language-server: $schema=${POLICY_SCHEMA_URL}`);
  });

  it("describes every property, so editors show help", () => {
    const undescribed: string[] = [];
    const walk = (node: Record<string, unknown>, path: string): void => {
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.description !== "string") undescribed.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
        if (typeof child.items === "object") walk(child.items as Record<string, unknown>, `${path}${key}[].`);
      }
    };
    walk(JSON.parse(schemaFile), "");
    expect(undescribed).toEqual([]);
  });

  it("documents the default of `require.approvals`", () => {
    const schema = JSON.parse(schemaFile);
    const approvals = schema.properties.rules.items.properties.require.properties.approvals;
    expect(approvals.default).toBe(1);
    expect(approvals.description).toContain("Default 1");
  });
});

/** ajv on the committed JSON file, as an editor or another tool would use it. */
const fileValidator = createPolicyAjv().compile(JSON.parse(schemaFile));
const schemaAccepts = (text: string): boolean => fileValidator(parse(text)) === true;
const validatorAccepts = (text: string): boolean => validatePolicyBlob(policyBlob(text)).length === 0;

describe("the JSON Schema file and the validator agree", () => {
  it.each([
    ["only version", "version: 1\n", true],
    ["the full example (organisation)", FULL_EXAMPLE_ORG, true],
    ["the full example (repository)", FULL_EXAMPLE_REPO, true],
    ["label false", "version: 1\nlabel: false\n", true],
    ["when.ai any", "version: 1\nrules: [{name: r, when: {ai: any}}]\n", true],
    ["approvals 0", "version: 1\nrules: [{require: {approvals: 0}}]\n", true],
    ["max_revert_rate 1", "version: 1\nautonomy: {tiers: [{name: t, min_merged: 0, max_revert_rate: 1}]}\n", true],
    ["empty principals", "version: 1\npolicy_admins: {}\n", true],
    ["every enforceable key", "version: 1\nenforce: [detection, label, rules, gates, autonomy, policy_admins, override]\n", true],
    ["no version", "label: x\n", false],
    ["version 2", "version: 2\n", false],
    ["unknown top-level key", "version: 1\nrule: []\n", false],
    ["unknown nested key", "version: 1\ngates: {max_lines: 3}\n", false],
    ["negative approvals", "version: 1\nrules: [{require: {approvals: -1}}]\n", false],
    ["fractional approvals", "version: 1\nrules: [{require: {approvals: 0.5}}]\n", false],
    ["revert rate above 1", "version: 1\nautonomy: {tiers: [{name: t, min_merged: 0, max_revert_rate: 1.5}]}\n", false],
    ["unknown permission", "version: 1\npolicy_admins: {permission: owner}\n", false],
    ["when.ai maybe", "version: 1\nrules: [{when: {ai: maybe}}]\n", false],
    ["unknown scope", "version: 1\nautonomy: {scope: team}\n", false],
    ["label true", "version: 1\nlabel: true\n", false],
    ["empty label", "version: 1\nlabel: ''\n", false],
    ["extends other than org", "version: 1\nextends: enterprise\n", false],
    ["enforce version", "version: 1\nenforce: [version]\n", false],
    ["extends and enforce together", "version: 1\nextends: org\nenforce: [rules]\n", false],
    ["tier named new", "version: 1\nautonomy: {tiers: [{name: new, min_merged: 0, max_revert_rate: 0}]}\n", false],
    ["tier without thresholds", "version: 1\nautonomy: {tiers: [{name: t}]}\n", false],
    ["tests gate with one half", "version: 1\ngates: {tests: {when_changed: [src/**]}}\n", false],
    ["override without by", "version: 1\noverride: {label: x}\n", false],
    ["empty glob", "version: 1\ngates: {forbidden_paths: ['']}\n", false],
    ["glob with exploding braces", `version: 1\ngates: {forbidden_paths: ["${"{a,b}".repeat(9)}"]}\n`, false],
    ["string instead of list", "version: 1\ndetection: {bots: acme-bot}\n", false],
    ["max_changed_files 0", "version: 1\ngates: {max_changed_files: 0}\n", false],
    ["empty gates", "version: 1\ngates:\n", false],
  ])("%s", (_, text, valid) => {
    expect({ schema: schemaAccepts(text), validator: validatorAccepts(text) }).toEqual({ schema: valid, validator: valid });
  });
});

describe("what only the validator can check (JSON Schema cannot express it)", () => {
  it.each([
    ["two rules with one name", "version: 1\nrules: [{name: a}, {name: a}]\n"],
    ["two tiers with one name", "version: 1\nautonomy: {tiers: [{name: a, min_merged: 0, max_revert_rate: 0}, {name: a, min_merged: 1, max_revert_rate: 0}]}\n"],
    ["a rule naming an undefined tier", "version: 1\nrules: [{when: {tier: [trusted]}}]\n"],
  ])("%s: the schema accepts, the validator rejects", (_, text) => {
    expect({ schema: schemaAccepts(text), validator: validatorAccepts(text) }).toEqual({ schema: true, validator: false });
  });
});
