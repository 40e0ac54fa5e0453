import { describe, expect, it } from "@jest/globals";
import { checkPolicyBlob, validatePolicyBlob } from "../../src/config/load.js";
import { POLICY_MAX_BYTES } from "../../src/config/policy.js";
import { FULL_EXAMPLE, FULL_EXAMPLE_ORG, FULL_EXAMPLE_QUOTED, FULL_EXAMPLE_REPO, policyBlob, rendered } from "./fixtures.js";

const validate = (text: string | null, role?: "repository" | "organization") =>
  rendered(validatePolicyBlob(policyBlob(text), { role }));

describe("a valid policy file", () => {
  it.each([
    ["the full example as a repository file", FULL_EXAMPLE_REPO, "repository"],
    ["the full example as the organisation default", FULL_EXAMPLE_ORG, "organization"],
    ["only `version: 1`", "version: 1\n", undefined],
    ["`version: 1` with a comment and a document marker", "# policy\n---\nversion: 1\n", undefined],
    ["`label: false`", "version: 1\nlabel: false\n", undefined],
    ["`when.ai: any`", "version: 1\nrules:\n  - name: all\n    when: {ai: any}\n", undefined],
    ["`when.ai: false`", "version: 1\nrules:\n  - name: humans\n    when: {ai: false}\n", undefined],
    ["`approvals: 0` (report only)", "version: 1\nrules:\n  - name: r\n    require: {approvals: 0}\n", undefined],
    ["`rules: []`", "version: 1\nrules: []\n", undefined],
    ["a rule without a name", "version: 1\nrules:\n  - when: {paths: [src/**]}\n", undefined],
    ["`when.tier: [new]` without autonomy", "version: 1\nrules:\n  - name: r\n    when: {tier: [new]}\n", undefined],
    ["`when.agents` naming catalogue ids and `detection.bots` logins", "version: 1\ndetection: {bots: ['acme-bot[bot]']}\nrules:\n  - when: {agents: [copilot, claude-code, acme-bot, 'acme-bot[bot]']}\n", undefined],
    ["teams as `slug` and `org/slug`, users as logins", "version: 1\nrules:\n  - require: {from: {teams: [senior-engineers, acme/platform_leads], users: [alice, bob-2]}}\n", undefined],
    ["`max_revert_rate: 0` and `1`", "version: 1\nautonomy:\n  tiers:\n    - {name: a, min_merged: 0, max_revert_rate: 0}\n    - {name: b, min_merged: 1, max_revert_rate: 1}\n", undefined],
    ["every permission", "version: 1\nrules:\n" + ["read", "triage", "write", "maintain", "admin"].map((p) => `  - {name: ${p}, require: {from: {permission: ${p}}}}\n`).join(""), undefined],
    ["`scope: organization`", "version: 1\nautonomy: {scope: organization}\n", undefined],
    ["`extends: org` in a repository file", "version: 1\nextends: org\n", "repository"],
    ["every enforceable key", "version: 1\nenforce: [detection, label, rules, gates, autonomy, policy_admins, override]\n", "organization"],
    ["a tier referenced in a file that extends the organisation (the tier may be defined there)", "version: 1\nextends: org\nrules:\n  - when: {tier: [trusted]}\n", "repository"],
  ] as const)("accepts %s", (_, text, role) => {
    expect(validate(text, role)).toEqual([]);
  });

  it("the full example holds both `extends` and `enforce`, so it is neither file", () => {
    expect(validate(FULL_EXAMPLE_QUOTED)).toEqual([
      "3:1 `extends` and `enforce` cannot be in the same file: `extends` belongs in a repository file, `enforce` in the organisation default",
    ]);
  });
});

describe("an unknown key names the key and suggests the nearest valid one", () => {
  it.each([
    ["rule", "version: 1\nrule: []\n", "2:1 unknown key `rule` — did you mean `rules`?"],
    ["gate", "version: 1\ngate: {}\n", "2:1 unknown key `gate` — did you mean `gates`?"],
    ["a transposition", "version: 1\nlabel: x\nlabl: y\n", "3:1 unknown key `labl` — did you mean `label`?"],
    ["another case and dashes", "version: 1\ngates:\n  Max-Changed-Lines: 10\n", "3:3 unknown key `Max-Changed-Lines` — did you mean `max_changed_lines`?"],
    ["a misspelt nested key", "version: 1\nrules:\n  - name: r\n    require:\n      aprovals: 2\n", "5:7 unknown key `aprovals` — did you mean `approvals`?"],
    ["a key one level too high", "version: 1\nrules:\n  - name: r\n    paths: [src/**]\n", "4:5 unknown key `paths` — it belongs under `when`"],
    ["a key in a flow mapping", "version: 1\noverride: {label: x, by: {team: [a]}}\n", "2:27 unknown key `team` — did you mean `teams`?"],
  ])("%s", (_, text, error) => {
    expect(validate(text)).toEqual([error]);
  });

  it("lists the valid keys when none is close", () => {
    expect(validate("version: 1\ndetection:\n  zebra: 1\n")).toEqual([
      "3:3 unknown key `zebra` (valid keys here: `catalog`, `bots`, `trailers`, `co_authors`, `labels`, `branches`, `not_ai`, `count`, `unknown_bots`, `reviewers`)",
    ]);
  });
});

describe("a value of the wrong type or out of range is located on the value", () => {
  it.each([
    ["`version` must be 1", "version: 2\n", "1:10 `version` must be `1`, got `2`"],
    ["`version` as a string", "version: '1'\n", "1:10 `version` must be `1`, got the string `1`"],
    ["`approvals` below 0", "version: 1\nrules:\n  - require: {approvals: -1}\n", "3:26 `approvals` must be a whole number ≥ 0, got `-1`"],
    ["`approvals` not whole", "version: 1\nrules:\n  - require: {approvals: 1.5}\n", "3:26 `approvals` must be a whole number ≥ 0, got `1.5`"],
    ["`max_revert_rate` above 1", "version: 1\nautonomy:\n  tiers:\n    - {name: t, min_merged: 1, max_revert_rate: 5}\n", "4:49 `max_revert_rate` must be a number from 0 to 1, got `5`"],
    ["`max_changed_files: 0`", "version: 1\ngates:\n  max_changed_files: 0\n", "3:22 `max_changed_files` must be a whole number ≥ 1, got `0`"],
    ["`window_days` as text", "version: 1\nautonomy:\n  window_days: ninety\n", "3:16 `window_days` must be a whole number ≥ 1, got the string `ninety`"],
    ["a misspelt permission", "version: 1\npolicy_admins:\n  permission: admn\n", "3:15 `permission` must be one of `read`, `triage`, `write`, `maintain`, `admin`, got the string `admn` — did you mean `admin`?"],
    ["an unknown `when.ai`", "version: 1\nrules:\n  - when:\n      ai: sometimes\n", "4:11 `ai` must be one of `true`, `false`, `any`, got the string `sometimes`"],
    ["an unknown scope", "version: 1\nautonomy: {scope: org}\n", "2:19 `scope` must be one of `repository`, `organization`, got the string `org`"],
    ["`label: true`", "version: 1\nlabel: true\n", "2:8 `label` must be a non-empty string or `false`, got `true`"],
    ["`label` empty", "version: 1\nlabel: ''\n", "2:8 `label` must be a non-empty string or `false`, got an empty string"],
    ["YAML 1.1 booleans", "version: 1\ndetection:\n  catalog: no\n", "3:12 `catalog` must be `true` or `false`, got the string `no` (YAML 1.2 reads it as text: write `true` or `false`)"],
    ["a string where a list belongs", "version: 1\ngates:\n  forbidden_paths: secrets/**\n", "3:20 `forbidden_paths` must be a list, got the string `secrets/**` — write a list: [secrets/**]"],
    ["`forbidden_paths_case_sensitive` as text", "version: 1\ngates:\n  forbidden_paths_case_sensitive: yes\n", "3:35 `forbidden_paths_case_sensitive` must be `true` or `false`, got the string `yes` (YAML 1.2 reads it as text: write `true` or `false`)"],
    ["an empty value is pointed at by its key", "version: 1\ngates:\n", "2:1 `gates` must be a mapping, got nothing (the value is empty)"],
    ["a list entry of the wrong type", "version: 1\ndetection:\n  bots: [a, 3]\n", "3:13 each entry of `bots` must be a non-empty string, got `3`"],
    ["`extends` other than org", "version: 1\nextends: enterprise\n", "2:10 `extends` must be `org`, got the string `enterprise`"],
    ["`enforce` naming a key that cannot be enforced", "version: 1\nenforce: [version]\n", "2:11 each entry of `enforce` must be one of `detection`, `label`, `rules`, `gates`, `autonomy`, `policy_admins`, `override`, got the string `version`"],
    ["a tier named `new`", "version: 1\nautonomy:\n  tiers: [{name: new, min_merged: 1, max_revert_rate: 0}]\n", "3:18 `name` cannot be `new`: it is reserved"],
  ])("%s", (_, text, error) => {
    expect(validate(text)).toEqual([error]);
  });
});

describe("a missing key is located on the mapping that needs it", () => {
  it.each([
    ["`version`, at the top of the file", "# comment\nlabel: x\n", "1:1 missing required key `version` (add `version: 1`)"],
    ["the other half of `tests`", "version: 1\ngates:\n  tests: {when_changed: [src/**]}\n", "3:3 `tests` is missing required key `require_changed`"],
    ["a tier's thresholds", "version: 1\nautonomy:\n  tiers:\n    - name: t\n", "4:7 this `tiers` entry is missing required keys `min_merged`, `max_revert_rate`"],
    ["who may override", "version: 1\noverride:\n  label: break-glass\n", "2:1 `override` is missing required key `by`"],
  ])("%s", (_, text, error) => {
    expect(validate(text)).toEqual([error]);
  });
});

describe("names and references", () => {
  it("two rules with one name: the error names the duplicate", () => {
    expect(validate("version: 1\nrules:\n  - name: senior\n  - name: other\n  - name: senior\n")).toEqual([
      "5:11 duplicate rule name `senior` (also used on line 3); rule names must be unique",
    ]);
  });

  it("two tiers with one name", () => {
    const text = "version: 1\nautonomy:\n  tiers:\n    - {name: a, min_merged: 1, max_revert_rate: 0}\n    - {name: a, min_merged: 2, max_revert_rate: 0}\n";
    expect(validate(text)).toEqual(["5:14 duplicate tier name `a` (also used on line 4); tier names must be unique"]);
  });

  it("`when.tier` naming an undefined tier suggests the nearest", () => {
    const text = "version: 1\nautonomy:\n  tiers: [{name: trusted, min_merged: 5, max_revert_rate: 0}]\nrules:\n  - when: {tier: [new, trustd]}\n";
    expect(validate(text)).toEqual(["5:24 unknown tier `trustd`: the tiers are `new`, `trusted` — did you mean `trusted`?"]);
  });

  it("`when.tier` without an autonomy section can only be `new`", () => {
    expect(validate("version: 1\nrules:\n  - when: {tier: [trusted]}\n")).toEqual([
      "3:19 unknown tier `trusted`: there is no `autonomy` section, so every agent is `new`",
    ]);
  });
});

describe("globs", () => {
  it("a glob whose braces explode is rejected", () => {
    const bomb = "{a,b}".repeat(9);
    expect(validate(`version: 1\ngates:\n  forbidden_paths: ["${bomb}"]\n`)).toEqual([
      `3:21 glob \`${bomb}\` in \`forbidden_paths\` is not usable: its braces expand to more than 256 alternatives`,
    ]);
  });

  it("an empty glob is rejected", () => {
    expect(validate("version: 1\nrules:\n  - when: {paths: ['']}\n")).toEqual([
      "3:20 each entry of `paths` must be a glob (a non-empty string), got an empty string",
    ]);
  });

  it.each([
    ["a comment", "'#secrets'", "glob `#secrets` starts with `#`, which makes it a comment that matches nothing"],
    ["a negation", "'!docs/**'", "glob `!docs/**` starts with `!`, which negates it: it matches everything except `docs/**`"],
    ["a leading slash", "/src/**", "glob `/src/**` never matches: paths and branches are written without a leading `/` or `./`"],
    ["`**` inside a segment", "'src/**.ts'", "glob `src/**.ts`: `**` crosses directories only as a whole path segment; here it acts as `*` — did you mean `src/**/*.ts`?"],
    ["an unclosed `[`", "'src/[abc'", "glob `src/[abc` has a `[` that is never closed, so it matches a literal `[`: close the class (`[abc]`) or escape it (`\\[`)"],
    ["a backslash for a directory", "'src\\**'", "glob `src\\**`: paths use `/` between directories, and `\\` escapes the next character — did you mean `src/**`?"],
  ])("a glob that is %s is a warning, not an error", (_, glob, warning) => {
    const check = checkPolicyBlob(policyBlob(`version: 1\nrules:\n  - when:\n      paths: [${glob}]\n`));
    expect(check.errors).toEqual([]);
    expect(rendered(check.warnings)).toEqual([`4:15 ${warning}`]);
  });
});

describe("names of teams, users and agents that could never match", () => {
  const from = (key: "teams" | "users", name: string) => `version: 1\nrules:\n  - require:\n      from:\n        ${key}: [${name}]\n`;

  it.each([
    ["a display name", "'Senior Engineers'", "5:17 team `Senior Engineers` is not a team slug: teams are named by their slug (the last part of the team page's URL) — did you mean `senior-engineers`?"],
    ["an organisation without a slug", "acme/", "5:17 team `acme/` is incomplete: teams are `slug` or `org/slug`"],
    ["a nested path", "acme/platform/leads", "5:17 team `acme/platform/leads` has more than one `/`: teams are `slug` or `org/slug`, and a nested team goes by its own slug — did you mean `acme/leads`?"],
  ])("a team written as %s is an error with the fix", (_, team, error) => {
    expect(validate(from("teams", team))).toEqual([error]);
  });

  it("a user written with a space is an error", () => {
    expect(validate(from("users", "'alice smith'"))).toEqual(["5:17 `alice smith` is not a GitHub login"]);
  });

  it.each([
    ["teams", "'@senior-engineers'", "5:17 write teams without `@`: `senior-engineers`"],
    ["users", "'@alice'", "5:17 write logins without `@`: `alice`"],
  ] as const)("%s written with `@` are a warning (the `@` is dropped)", (key, name, warning) => {
    const check = checkPolicyBlob(policyBlob(from(key, name)));
    expect(check.errors).toEqual([]);
    expect(rendered(check.warnings)).toEqual([warning]);
  });

  it("principals of `policy_admins` and `override.by` are checked too", () => {
    expect(validate("version: 1\npolicy_admins: {teams: [a/b/c]}\noverride: {label: x, by: {users: ['x y']}}\n")).toEqual([
      "2:25 team `a/b/c` has more than one `/`: teams are `slug` or `org/slug`, and a nested team goes by its own slug — did you mean `a/c`?",
      "3:35 `x y` is not a GitHub login",
    ]);
  });

  const agents = (list: string, extra = "") => `version: 1\n${extra}rules:\n  - when: {agents: [${list}]}\n`;

  it.each([
    ["a misspelt catalogue id", "copliot", "3:21 agent `copliot` is not a catalogue agent id — did you mean `copilot`?"],
    ["a name that is not the id", "claude", "3:21 agent `claude` is not an agent id (agents are named by catalogue id) — did you mean `claude-code`?"],
    ["a catalogued agent's bot login", "'copilot-swe-agent[bot]'", "3:21 agent `copilot-swe-agent[bot]` is not an agent id (agents are named by catalogue id) — did you mean `copilot`?"],
    [
      "a login not in `detection.bots`",
      "acme-coder",
      "3:21 agent `acme-coder` is neither a catalogue id nor a login in `detection.bots`, so this rule never applies to it; add it to `detection.bots` if it is your own agent",
    ],
  ])("`when.agents` naming %s is an error", (_, list, error) => {
    expect(validate(agents(list))).toEqual([error]);
  });

  it("an unknown agent in a file that extends the organisation default is a warning (its `detection.bots` may list it)", () => {
    const check = checkPolicyBlob(policyBlob(agents("acme-coder", "extends: org\n")), { role: "repository" });
    expect(check.errors).toEqual([]);
    expect(rendered(check.warnings)).toEqual([expect.stringMatching(/^4:21 agent `acme-coder` is neither a catalogue id/)]);
  });
});

describe("which file may say `extends` or `enforce`", () => {
  it("`enforce` in a repository file is an error on the key", () => {
    expect(validate("version: 1\nenforce: [rules]\n", "repository")).toEqual([
      "2:1 `enforce` is only allowed in the organisation default (the `.github` repository's file)",
    ]);
  });

  it("`extends` in the organisation default is an error on the key", () => {
    expect(validate("version: 1\nextends: org\n", "organization")).toEqual([
      "2:1 `extends` is only allowed in a repository file; the organisation default extends nothing",
    ]);
  });

  it.each([["repository"], ["organization"]] as const)("a plain file is valid as a %s file", (role) => {
    expect(validate("version: 1\nlabel: x\n", role)).toEqual([]);
  });
});

describe("YAML problems carry their line and column", () => {
  it.each([
    ["an unclosed flow list", "version: 1\nrules: [\n", "3:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]"],
    ["an unclosed quote", "version: 1\nlabel: 'x\n", "3:1 YAML syntax error: Missing closing 'quote"],
    ["a tab as indentation", "version: 1\ngates:\n\tmax_changed_files: 3\n", "3:1 YAML syntax error: tabs are not allowed as indentation in YAML; indent with spaces"],
    ["two documents", "version: 1\n---\nversion: 1\n", "2:1 YAML syntax error: a policy file holds one YAML document; remove the second `---`"],
    ["a nested compact mapping", "version: 1\nlabel: a: b\n", "2:8 YAML syntax error: Nested mappings are not allowed in compact mappings"],
  ])("%s", (_, text, error) => {
    expect(validate(text)).toEqual([error]);
  });

  it("the verbatim full example is not YAML: bot logins in a flow list need quotes, and the error says so", () => {
    const hint = ' — inside `[...]`, quote values that contain brackets, e.g. "dependabot[bot]"';
    expect(validate(FULL_EXAMPLE)).toEqual([22, 37, 58, 78].map((col) => `12:${col} YAML syntax error: Missing , or : between flow sequence items${hint}`));
  });

  it("an over-indented key is named on its own line, with the fix", () => {
    expect(validate("version: 1\ndetection:\n  catalog: true\n    bots: [x]\n")).toEqual([
      "4:5 `bots` is indented more than `catalog` on line 3, which has a value: indent it by 2 spaces to make it a sibling, or remove the value of `catalog` to nest it",
    ]);
  });

  it("a bot login given where a list belongs is advised as a list that is itself valid YAML", () => {
    expect(validate("version: 1\ndetection:\n  bots: acme-coder[bot]\n")).toEqual([
      '3:9 `bots` must be a list, got the string `acme-coder[bot]` — write a list: ["acme-coder[bot]"]',
    ]);
  });

  it("an unknown YAML tag is a warning", () => {
    const check = checkPolicyBlob(policyBlob("version: 1\nlabel: !custom x\n"));
    expect(check.errors).toEqual([]);
    expect(rendered(check.warnings)).toEqual(["2:8 Unresolved tag: !custom"]);
  });

  it("a duplicate key is an error on the second one", () => {
    expect(validate("version: 1\nlabel: a\ngates: {}\nlabel: b\n")).toEqual(["4:1 duplicate key `label` (first defined on line 2)"]);
  });

  it("a duplicate key deep inside is found too", () => {
    expect(validate("version: 1\nrules:\n  - name: r\n    when: {ai: true, ai: false}\n")).toEqual([
      "4:22 duplicate key `ai` (first defined on line 4)",
    ]);
  });
});

describe("the file as a whole", () => {
  it.each([
    ["an empty file", "", "1:1 the policy file is empty; it needs at least `version: 1`"],
    ["a file with only comments", "# nothing yet\n", "1:1 the policy file is empty; it needs at least `version: 1`"],
    ["a list", "- version: 1\n", "1:1 the policy file must be a mapping of keys (such as `version: 1`), not a list"],
    ["a plain string", "version 1\n", "1:1 the policy file must be a mapping of keys (such as `version: 1`), not a plain string"],
  ])("%s is an error", (_, text, error) => {
    expect(validate(text)).toEqual([error]);
  });

  it("a binary or truncated blob (no text) is an error at 1:1", () => {
    expect(validate(null)).toEqual([
      "1:1 the policy file could not be read as text (it is binary, or GitHub truncated it)",
    ]);
  });

  it("a file over 256 KiB is an error at 1:1, whatever it holds", () => {
    const text = `version: 1\n${"# padding\n".repeat(POLICY_MAX_BYTES / 10)}`;
    expect(validate(text)).toEqual(["1:1 the policy file is 257 KiB; the limit is 256 KiB"]);
  });

  it("a file of exactly 256 KiB is read", () => {
    const head = "version: 1\n";
    const text = head + "#".repeat(POLICY_MAX_BYTES - head.length);
    expect(validate(text)).toEqual([]);
  });

  it("an oversized blob GitHub did not return is reported by its size", () => {
    const blob = { path: "p.yml", text: null, byteSize: POLICY_MAX_BYTES * 2, oid: "x" };
    expect(rendered(validatePolicyBlob(blob))).toEqual(["1:1 the policy file is 512 KiB; the limit is 256 KiB"]);
  });

  it("every error names the file it is in", () => {
    const errors = validatePolicyBlob(policyBlob("rule: 1\n", "acme/.github:.agent-governance.yml"));
    expect(errors.map((e) => e.file)).toEqual(["acme/.github:.agent-governance.yml", "acme/.github:.agent-governance.yml"]);
  });

  it("errors come in the order of the file", () => {
    const errors = validatePolicyBlob(policyBlob("gates:\n  max_changed_files: 0\nlabl: x\nversion: 3\n"));
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4]);
  });
});

describe("hostile input never throws", () => {
  const aliasBomb = [
    "a: &a [x, x, x, x, x, x, x, x, x, x]",
    ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`),
    "version: 1",
  ].join("\n");

  it("an alias bomb is an error, not an outage", () => {
    expect(validate(aliasBomb)).toEqual(["1:1 YAML: Excessive alias count indicates a resource exhaustion attack"]);
  });

  it("a list used as a key is an error on the key", () => {
    expect(validate("version: 1\n? [a, b]\n: c\n")).toEqual(["2:3 a key must be a plain name, not a list or a mapping"]);
  });

  it.each([
    ["deep nesting", `version: 1\nlabel: ${"[".repeat(500)}${"]".repeat(500)}\n`],
    ["control characters", "version: 1\nlabel: \u0000\u0001\n"],
    ["a byte-order mark", "\uFEFFversion: 1\nrule: x\n"],
    ["random bytes", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)).toString("latin1")],
  ])("%s: no exception, every error located", (_, text) => {
    for (const error of validatePolicyBlob(policyBlob(text))) {
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.column).toBeGreaterThanOrEqual(1);
    }
  });
});
