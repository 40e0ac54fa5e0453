/**
 * Combining a repository file with the organisation default.
 *
 * `extends: org` starts from the organisation default and overrides it key by key: mappings
 * merge recursively (so `gates: {max_changed_files: 20}` keeps the organisation's other
 * gates), anything else — lists, strings, numbers — replaces.
 *
 * `enforce` holds whether or not the repository file extends: otherwise a repository could
 * escape it by leaving out `extends`. So a repository file that sets an enforced key is an
 * error, and the enforced keys always take the organisation's value (or its default when the
 * organisation file leaves the key out).
 */
import type { EnforceableKey, PolicyFile } from "./schema.js";

type Data = Record<string, unknown>;

const isMapping = (value: unknown): value is Data =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function mergeMappings(base: Data, override: Data): Data {
  const merged: Data = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const under = merged[key];
    merged[key] = isMapping(under) && isMapping(value) ? mergeMappings(under, value) : value;
  }
  return merged;
}

/** Enforced keys the repository file sets anyway: each is an error. */
export function enforcedKeysOverridden(organization: PolicyFile, repository: PolicyFile): EnforceableKey[] {
  return (organization.enforce ?? []).filter((key) => Object.hasOwn(repository, key));
}

/** The policy data in force when both files exist and are valid on their own. */
export function combinePolicyFiles(organization: PolicyFile, repository: PolicyFile): PolicyFile {
  const { enforce = [], ...orgPolicy } = organization;
  const { extends: extendsOrg, ...repoPolicy } = repository;
  if (extendsOrg === "org") return mergeMappings(orgPolicy, repoPolicy) as unknown as PolicyFile;
  const combined: Data = { ...repoPolicy };
  for (const key of enforce) {
    if (Object.hasOwn(orgPolicy, key)) combined[key] = (orgPolicy as Data)[key];
    else delete combined[key];
  }
  return combined as unknown as PolicyFile;
}
