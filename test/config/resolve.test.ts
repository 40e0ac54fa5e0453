import { describe, expect, it } from "@jest/globals";
import { DEFAULT_POLICY, resolvePolicy } from "../../src/config/load.js";
import type { LoadedPolicy, Policy } from "../../src/config/policy.js";
import { policyBlob } from "./fixtures.js";

const REPO_PATH = "acme/api:.agent-governance.yml";
const ORG_PATH = "acme/.github:.agent-governance.yml";
const REPO_OID = "a".repeat(40);
const ORG_OID = "b".repeat(40);

function resolve(files: { repo?: string | null; org?: string | null }): LoadedPolicy {
  return resolvePolicy({
    repository: files.repo === undefined ? null : policyBlob(files.repo, REPO_PATH, REPO_OID),
    organization: files.org === undefined ? null : policyBlob(files.org, ORG_PATH, ORG_OID),
  });
}

function policy(files: { repo?: string; org?: string }): Policy {
  const loaded = resolve(files);
  if (!loaded.ok) throw new Error(`expected a valid policy, got ${JSON.stringify(loaded.errors)}`);
  return loaded.policy;
}

function errors(files: { repo?: string | null; org?: string | null }): string[] {
  const loaded = resolve(files);
  if (loaded.ok) throw new Error("expected errors, got a valid policy");
  return loaded.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`);
}

const ORG = `version: 1
label: org-ai
gates:
  max_changed_files: 50
  forbidden_paths: ["**/*.pem"]
  tests: {when_changed: [src/**], require_changed: [test/**]}
rules:
  - name: org review
    require: {approvals: 2}
autonomy:
  tiers: [{name: trusted, min_merged: 10, max_revert_rate: 0.05}]
`;

describe("where the policy comes from", () => {
  it("no file anywhere: the built-in default", () => {
    expect(resolve({})).toEqual({
      ok: true,
      policy: DEFAULT_POLICY,
      source: { kind: "built-in", description: "built-in default", blobShas: [] },
      warnings: [],
    });
  });

  it("only the organisation default: it applies", () => {
    const loaded = resolve({ org: ORG });
    expect(loaded.ok && loaded.policy.label).toBe("org-ai");
    expect(loaded.source).toEqual({ kind: "organization", description: ORG_PATH, blobShas: [ORG_OID] });
  });

  it("only a repository file: it applies", () => {
    const loaded = resolve({ repo: "version: 1\nlabel: repo-ai\n" });
    expect(loaded.ok && loaded.policy.label).toBe("repo-ai");
    expect(loaded.source).toEqual({ kind: "repository", description: REPO_PATH, blobShas: [REPO_OID] });
  });

  it("a repository file that does not extend replaces the organisation default entirely", () => {
    const loaded = resolve({ repo: "version: 1\n", org: ORG });
    expect(loaded.ok && loaded.policy).toEqual(DEFAULT_POLICY);
    expect(loaded.source).toEqual({ kind: "repository", description: REPO_PATH, blobShas: [REPO_OID] });
  });
});

describe("`extends: org` overrides the organisation default key by key", () => {
  const repo = `version: 1
extends: org
label: repo-ai
gates:
  forbidden_paths: [secrets/**]
  tests: {when_changed: [lib/**]}
`;

  it("a scalar in the repository file replaces the organisation's", () => {
    expect(policy({ repo, org: ORG }).label).toBe("repo-ai");
  });

  it("mappings merge: gates the repository leaves out keep the organisation's value", () => {
    expect(policy({ repo, org: ORG }).gates.max_changed_files).toBe(50);
  });

  it("lists replace, they do not concatenate", () => {
    expect(policy({ repo, org: ORG }).gates.forbidden_paths).toEqual(["secrets/**"]);
  });

  it("mappings merge at every depth", () => {
    expect(policy({ repo, org: ORG }).gates.tests).toEqual({ when_changed: ["lib/**"], require_changed: ["test/**"] });
  });

  it("keys the repository leaves out come from the organisation", () => {
    expect(policy({ repo, org: ORG }).rules.map((r) => [r.name, r.require.approvals])).toEqual([["org review", 2]]);
  });

  it("the source names both files and both blob SHAs", () => {
    expect(resolve({ repo, org: ORG }).source).toEqual({
      kind: "repository+organization",
      description: `${REPO_PATH} extending ${ORG_PATH}`,
      blobShas: [REPO_OID, ORG_OID],
    });
  });

  it("a repository rule may use a tier the organisation defines", () => {
    const withTier = "version: 1\nextends: org\nrules:\n  - when: {tier: [trusted]}\n";
    expect(policy({ repo: withTier, org: ORG }).rules[0].when.tier).toEqual(["trusted"]);
  });

  it("a repository rule naming a tier defined nowhere is an error in the repository file", () => {
    const withTier = "version: 1\nextends: org\nrules:\n  - when: {tier: [trustd]}\n";
    expect(errors({ repo: withTier, org: ORG })).toEqual([
      `${REPO_PATH}:4:19 unknown tier \`trustd\`: the tiers are \`new\`, \`trusted\` — did you mean \`trusted\`?`,
    ]);
  });

  it("an organisation rule left without its tier by the repository's tiers is an error in the organisation file", () => {
    const org = "version: 1\nautonomy: {tiers: [{name: trusted, min_merged: 1, max_revert_rate: 0}]}\nrules:\n  - when: {tier: [trusted]}\n";
    const repo = "version: 1\nextends: org\nautonomy: {tiers: [{name: vetted, min_merged: 1, max_revert_rate: 0}]}\n";
    expect(errors({ repo, org })).toEqual([
      `${ORG_PATH}:4:19 unknown tier \`trusted\`: the tiers are \`new\`, \`vetted\``,
    ]);
  });

  it("a half-set mapping in the repository is completed by the organisation's", () => {
    const org = "version: 1\noverride: {label: break-glass, by: {teams: [sre]}}\n";
    expect(policy({ repo: "version: 1\nextends: org\noverride: {label: emergency}\n", org }).override).toEqual({
      label: "emergency",
      by: { teams: ["sre"], users: [] },
    });
  });

  it("a mapping still incomplete after the merge is an error where the repository set it", () => {
    expect(errors({ repo: "version: 1\nextends: org\noverride: {label: emergency}\n", org: "version: 1\n" })).toEqual([
      `${REPO_PATH}:3:1 \`override\` is missing required key \`by\``,
    ]);
  });

  it("`extends: org` without an organisation default is an error on `extends`", () => {
    expect(errors({ repo: "version: 1\nextends: org\n" })).toEqual([
      `${REPO_PATH}:2:1 \`extends: org\`, but the organisation has no \`.agent-governance.yml\` in its \`.github\` repository`,
    ]);
  });
});

describe("`enforce` in the organisation default", () => {
  const org = `version: 1
enforce: [rules, gates]
rules:
  - name: org review
    require: {approvals: 2}
`;

  it("a repository file that extends and sets an enforced key is an error on that key", () => {
    expect(errors({ repo: "version: 1\nextends: org\nlabel: x\nrules: []\n", org })).toEqual([
      `${REPO_PATH}:4:1 \`rules\` is enforced by the organisation default and cannot be overridden here`,
    ]);
  });

  it("holds even when the repository file does not extend (otherwise leaving out `extends` would escape it)", () => {
    expect(errors({ repo: "version: 1\nrules: []\ngates: {}\n", org })).toEqual([
      `${REPO_PATH}:2:1 \`rules\` is enforced by the organisation default and cannot be overridden here`,
      `${REPO_PATH}:3:1 \`gates\` is enforced by the organisation default and cannot be overridden here`,
    ]);
  });

  it("a repository file that does not extend still gets the enforced keys from the organisation", () => {
    const loaded = resolve({ repo: "version: 1\nlabel: repo-ai\n", org });
    expect(loaded.ok && loaded.policy.rules.map((r) => r.name)).toEqual(["org review"]);
    expect(loaded.ok && loaded.policy.label).toBe("repo-ai");
    expect(loaded.source).toEqual({
      kind: "repository+organization",
      description: `${REPO_PATH} with rules, gates enforced by ${ORG_PATH}`,
      blobShas: [REPO_OID, ORG_OID],
    });
  });

  it("an enforced key the organisation leaves out is enforced at its default", () => {
    const loaded = resolve({ repo: "version: 1\n", org });
    expect(loaded.ok && loaded.policy.gates).toEqual(DEFAULT_POLICY.gates);
  });

  it("keys that are not enforced may still be overridden", () => {
    expect(policy({ repo: "version: 1\nextends: org\nlabel: mine\n", org }).label).toBe("mine");
  });
});

describe("a bad file in play fails closed", () => {
  it("an invalid repository file gives its errors", () => {
    expect(errors({ repo: "version: 1\nrule: []\n", org: ORG })).toEqual([
      `${REPO_PATH}:2:1 unknown key \`rule\` — did you mean \`rules\`?`,
    ]);
  });

  it("an invalid organisation default fails even a repository with its own file (its `enforce` cannot be known)", () => {
    expect(errors({ repo: "version: 1\n", org: "version: one\n" })).toEqual([
      `${ORG_PATH}:1:10 \`version\` must be \`1\`, got the string \`one\``,
    ]);
  });

  it("errors of both files are all reported", () => {
    expect(errors({ repo: "version: 1\nlabl: x\n", org: "version: 1\ngate: {}\n" })).toEqual([
      `${REPO_PATH}:2:1 unknown key \`labl\` — did you mean \`label\`?`,
      `${ORG_PATH}:2:1 unknown key \`gate\` — did you mean \`gates\`?`,
    ]);
  });

  it("`enforce` in a repository file is an error", () => {
    expect(errors({ repo: "version: 1\nenforce: [rules]\n" })).toEqual([
      `${REPO_PATH}:2:1 \`enforce\` is only allowed in the organisation default (the \`.github\` repository's file)`,
    ]);
  });

  it("`extends` in the organisation default is an error", () => {
    expect(errors({ org: "version: 1\nextends: org\n" })).toEqual([
      `${ORG_PATH}:2:1 \`extends\` is only allowed in a repository file; the organisation default extends nothing`,
    ]);
  });

  it("an unreadable repository file is an error at 1:1, and the source still names it", () => {
    const loaded = resolve({ repo: null });
    expect(loaded.ok).toBe(false);
    expect(loaded.source).toEqual({ kind: "repository", description: REPO_PATH, blobShas: [REPO_OID] });
    expect(errors({ repo: null })).toEqual([
      `${REPO_PATH}:1:1 the policy file could not be read as text (it is binary, or GitHub truncated it)`,
    ]);
  });
});

describe("warnings", () => {
  it("a glob that never matches is a warning on a valid policy", () => {
    const loaded = resolve({ repo: "version: 1\ngates:\n  forbidden_paths: [/etc/**]\n" });
    expect(loaded.ok && loaded.warnings.map((w) => `${w.file}:${w.line}:${w.column}`)).toEqual([`${REPO_PATH}:3:21`]);
  });
});
