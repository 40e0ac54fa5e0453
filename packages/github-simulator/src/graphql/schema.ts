/**
 * GitHub's real GraphQL schema (@octokit/graphql-schema), built once per process: building
 * the 1.2 MB IDL takes a few hundred milliseconds, so every server shares the same instance.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, type GraphQLSchema } from "graphql";

let cached: GraphQLSchema | undefined;

/** The package exports only its index (which also parses a 5 MB JSON twice), so read the IDL file directly. */
function findIdl(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "node_modules", "@octokit", "graphql-schema", "schema.graphql");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function loadIdl(): Promise<string> {
  const path = findIdl();
  if (path) return readFileSync(path, "utf8");
  const { schema } = await import("@octokit/graphql-schema");
  return schema.idl;
}

let loading: Promise<GraphQLSchema> | undefined;

/** Loads and builds the schema (once). */
export function loadGithubSchema(): Promise<GraphQLSchema> {
  loading ??= loadIdl().then((idl) => {
    // GitHub's published IDL defines two EnterpriseOwnerInfo fields twice; graphql-js rejects that
    // in strict SDL validation, so build without it (the duplicates are identical).
    cached = buildSchema(idl, { assumeValidSDL: true });
    return cached;
  });
  return loading;
}

/** The schema, once `loadGithubSchema` has resolved. */
export function githubSchema(): GraphQLSchema {
  if (!cached) throw new Error("GitHub GraphQL schema not loaded yet: await loadGithubSchema() first");
  return cached;
}
