/**
 * The policy in force for a repository: its own `.agent-governance.yml`, the
 * organisation default, both combined, or the built-in default. Pure: the adapter reads the
 * blobs, this decides. Never throws; any invalid file in play fails closed with located errors.
 */
import { deepFreeze } from "./freeze.js";
import { documentLocator, hasPath, type DataPath, type Locator } from "./locate.js";
import { combinePolicyFiles, enforcedKeysOverridden } from "./merge.js";
import { normalisePolicy } from "./normalise.js";
import type { LoadedPolicy, Policy, PolicyBlob, PolicyError, PolicySource } from "./policy.js";
import type { PolicyFile } from "./schema.js";
import { schemaErrors } from "./schema-check.js";
import { tierReferenceErrors, type PolicyRole } from "./semantics.js";
import { byPosition, checkPolicyFile, type CheckedFile } from "./validate.js";

export type { PolicyRole } from "./semantics.js";

/**
 * The built-in default policy: catalogue on, label `ai-assisted`, AI-assisted
 * pull requests need 1 approval from a user with `write` permission or more; no gates, no
 * autonomy. It is exactly what a file containing only `version: 1` means. Frozen: shared.
 */
export const DEFAULT_POLICY: Policy = deepFreeze(normalisePolicy({ version: 1 }));

const BUILT_IN: PolicySource = { kind: "built-in", description: "built-in default", blobShas: [] };

function describeSource(repository: CheckedFile | null, organization: CheckedFile | null): PolicySource {
  if (repository === null && organization === null) return BUILT_IN;
  if (repository === null) {
    const org = organization!.blob;
    return { kind: "organization", description: org.path, blobShas: [org.oid] };
  }
  const repo = repository.blob;
  if (organization === null) return { kind: "repository", description: repo.path, blobShas: [repo.oid] };
  const org = organization.blob;
  const both = (description: string): PolicySource => ({
    kind: "repository+organization",
    description,
    blobShas: [repo.oid, org.oid],
  });
  // A file that could not be read may well have been meant to combine; say both were in play.
  if (!repository.file || !organization.file) return both(`${repo.path} and ${org.path}`);
  if (repository.file.extends === "org") return both(`${repo.path} extending ${org.path}`);
  const enforced = organization.file.enforce ?? [];
  if (enforced.length > 0) return both(`${repo.path} with ${enforced.join(", ")} enforced by ${org.path}`);
  return { kind: "repository", description: repo.path, blobShas: [repo.oid] };
}

/** Locate errors in the combined policy in whichever file the value at that path came from. */
function combinedLocator(repository: CheckedFile | null, organization: CheckedFile | null): Locator {
  const repoDoc = repository?.document;
  const orgDoc = organization?.document;
  const owner = (path: DataPath): Locator => {
    if (repoDoc && (hasPath(repoDoc, path) || !orgDoc)) return documentLocator(repoDoc);
    return documentLocator(orgDoc!);
  };
  return {
    file: (repository ?? organization)!.blob.path,
    atValue: (path, message) => owner(path).atValue(path, message),
    atKey: (path, message) => owner(path).atKey(path, message),
  };
}

/** The policy data in force, and the errors only visible once both files are considered. */
function combine(
  repository: CheckedFile | null,
  organization: CheckedFile | null,
): { file: PolicyFile; errors: PolicyError[] } {
  const repo = repository?.file;
  const org = organization?.file;
  if (repo && !org) {
    if (repo.extends === "org") {
      const message = "`extends: org`, but the organisation has no `.agent-governance.yml` in its `.github` repository";
      return { file: repo, errors: [documentLocator(repository!.document!).atKey(["extends"], message)] };
    }
    return { file: repo, errors: [] };
  }
  if (!repo) return { file: org!, errors: [] };
  const locate = documentLocator(repository!.document!);
  const errors = enforcedKeysOverridden(org!, repo).map((key) =>
    locate.atKey([key], `\`${key}\` is enforced by the organisation default and cannot be overridden here`),
  );
  return { file: combinePolicyFiles(org!, repo), errors };
}

export function resolvePolicy(input: {
  repository: PolicyBlob | null;
  organization: PolicyBlob | null;
}): LoadedPolicy {
  const repository = input.repository && checkPolicyFile(input.repository, { role: "repository", references: false });
  const organization =
    input.organization && checkPolicyFile(input.organization, { role: "organization", references: false });
  const source = describeSource(repository, organization);
  if (repository === null && organization === null) {
    return { ok: true, policy: DEFAULT_POLICY, source, warnings: [] };
  }

  const warnings = [...(repository?.warnings ?? []), ...(organization?.warnings ?? [])];
  const fileErrors = [...(repository?.errors ?? []), ...(organization?.errors ?? [])];
  if (fileErrors.length > 0) return { ok: false, errors: fileErrors, source };

  const { file, errors } = combine(repository, organization);
  const data = file as unknown as Record<string, unknown>;
  const locate = combinedLocator(repository, organization);
  const allErrors = [
    ...errors,
    // A file that extends may leave half of a mapping to the organisation; the whole must be complete.
    ...schemaErrors(data, locate, { missingKeysOnly: true }),
    ...tierReferenceErrors(data, locate),
  ].sort(byPosition);
  if (allErrors.length > 0) return { ok: false, errors: allErrors, source };
  return { ok: true, policy: normalisePolicy(file), source, warnings };
}

export interface PolicyBlobCheck {
  errors: PolicyError[];
  /** Valid but probably unintended, e.g. a glob that can never match. */
  warnings: PolicyError[];
}

/**
 * Check one policy file on its own, with warnings (CLI `validate`). `role` says which file
 * it is — the organisation default (in the `.github` repository) or a repository's — and
 * decides whether `extends` or `enforce` is allowed; omitted, either is (not both).
 */
export function checkPolicyBlob(blob: PolicyBlob, options: { role?: PolicyRole } = {}): PolicyBlobCheck {
  const checked = checkPolicyFile(blob, { role: options.role });
  return { errors: checked.errors, warnings: checked.warnings };
}

/** Validate one policy file on its own (CLI `validate`, a PR's new policy). [] = valid. */
export function validatePolicyBlob(blob: PolicyBlob, options: { role?: PolicyRole } = {}): PolicyError[] {
  return checkPolicyBlob(blob, options).errors;
}
