/**
 * The checks JSON Schema cannot express: which file may hold `extends`/`enforce`, unique
 * rule and tier names, and `when.tier` naming a tier that exists. They run on data that may
 * still be schema-invalid, so every access is guarded; they never throw.
 */
import { globWarning, globsIn } from "./globs.js";
import type { DataPath, Locator } from "./locate.js";
import { nearestName } from "./nearest.js";
import type { PolicyError } from "./policy.js";
import { POLICY_SCHEMA } from "./schema.js";

/** Which file a policy document is: it decides whether `extends` or `enforce` is allowed. */
export type PolicyRole = "repository" | "organization";

type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The name a rule goes by in the check run; unnamed rules are numbered by position. */
export function ruleName(rule: unknown, index: number): string {
  return isObject(rule) && typeof rule.name === "string" ? rule.name : `rule ${index + 1}`;
}

export function roleErrors(data: Data, role: PolicyRole | undefined, locate: Locator): PolicyError[] {
  const hasExtends = Object.hasOwn(data, "extends");
  const hasEnforce = Object.hasOwn(data, "enforce");
  if (role === "repository" && hasEnforce) {
    return [locate.atKey(["enforce"], "`enforce` is only allowed in the organisation default (the `.github` repository's file)")];
  }
  if (role === "organization" && hasExtends) {
    return [locate.atKey(["extends"], "`extends` is only allowed in a repository file; the organisation default extends nothing")];
  }
  if (role === undefined && hasExtends && hasEnforce) {
    return [
      locate.atKey(
        ["enforce"],
        "`extends` and `enforce` cannot be in the same file: `extends` belongs in a repository file, `enforce` in the organisation default",
      ),
    ];
  }
  return [];
}

/** The second and later uses of a name, pointing back at the first. */
function duplicateNames(
  names: { name: string; path: DataPath }[],
  what: string,
  locate: Locator,
): PolicyError[] {
  const first = new Map<string, PolicyError>();
  const errors: PolicyError[] = [];
  for (const { name, path } of names) {
    const earlier = first.get(name);
    if (earlier === undefined) {
      first.set(name, locate.atValue(path, ""));
      continue;
    }
    errors.push(locate.atValue(path, `duplicate ${what} name \`${name}\` (also used on line ${earlier.line}); ${what} names must be unique`));
  }
  return errors;
}

export function ruleNameErrors(data: Data, locate: Locator): PolicyError[] {
  const names = listOf(data.rules).map((rule, i) => ({
    name: ruleName(rule, i),
    // An unnamed rule has no name to point at; point at the rule.
    path: isObject(rule) && typeof rule.name === "string" ? ["rules", i, "name"] : ["rules", i],
  }));
  return duplicateNames(names, "rule", locate);
}

function tierNames(data: Data): { name: string; path: DataPath }[] {
  const autonomy = isObject(data.autonomy) ? data.autonomy : {};
  return listOf(autonomy.tiers).flatMap((tier, i) =>
    isObject(tier) && typeof tier.name === "string" ? [{ name: tier.name, path: ["autonomy", "tiers", i, "name"] }] : [],
  );
}

export function tierNameErrors(data: Data, locate: Locator): PolicyError[] {
  return duplicateNames(tierNames(data), "tier", locate);
}

/** `when.tier` must name a tier of `autonomy.tiers` or `new`, or the rule could never apply. */
export function tierReferenceErrors(data: Data, locate: Locator): PolicyError[] {
  const defined = ["new", ...tierNames(data).map((t) => t.name)];
  const errors: PolicyError[] = [];
  listOf(data.rules).forEach((rule, r) => {
    const when = isObject(rule) && isObject(rule.when) ? rule.when : {};
    listOf(when.tier).forEach((tier, t) => {
      if (typeof tier !== "string" || defined.includes(tier)) return;
      const near = nearestName(tier, defined);
      const known = isObject(data.autonomy)
        ? `the tiers are ${defined.map((d) => `\`${d}\``).join(", ")}`
        : "there is no `autonomy` section, so every agent is `new`";
      const suggestion = near ? ` — did you mean \`${near}\`?` : "";
      errors.push(
        locate.atValue(["rules", r, "when", "tier", t], `unknown tier \`${tier}\`: ${known}${suggestion}`),
      );
    });
  });
  return errors;
}

export function globWarnings(data: Data, locate: Locator): PolicyError[] {
  return globsIn(data, POLICY_SCHEMA).flatMap(({ path, pattern }) => {
    const warning = globWarning(pattern);
    return warning ? [locate.atValue(path, warning)] : [];
  });
}
