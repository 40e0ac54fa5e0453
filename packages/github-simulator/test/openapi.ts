/** GitHub's OpenAPI description (api.github.com) and Ajv validators for its response and webhook schemas. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  "x-webhooks": Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
  components: Record<string, unknown>;
}

const require = createRequire(import.meta.url);
export const openapi = JSON.parse(readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.json"), "utf8")) as OpenApi;

/**
 * OpenAPI 3.0 `nullable: true` → JSON Schema: a null type (or an anyOf with null when the
 * schema has no `type`, e.g. `{nullable, allOf: [$ref]}`), and null added to enums.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== "object") return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    // Property names and example payloads are data, not schemas.
    converted[key] = key === "example" || key === "examples" ? value : toJsonSchema(value);
  }
  if (nullable !== true) return converted;
  if (typeof converted.type === "string") {
    return { ...converted, type: [converted.type, "null"], ...(Array.isArray(converted.enum) ? { enum: [...converted.enum, null] } : {}) };
  }
  return { anyOf: [converted, { type: "null" }] };
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(toJsonSchema({ components: openapi.components }) as object, "gh");

/** Inline schemas refer to "#/components/…" of the whole document; point them at the registered copy. */
function compile(schema: unknown): ValidateFunction {
  return ajv.compile(JSON.parse(JSON.stringify(toJsonSchema(schema)).replaceAll('"#/components/', '"gh#/components/')));
}

const cache = new Map<string, ValidateFunction>();

export function responseValidator(method: string, path: string, status: number): ValidateFunction {
  const key = `${method} ${path} ${status}`;
  let validate = cache.get(key);
  if (!validate) {
    const schema = openapi.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`OpenAPI has no JSON response ${status} for ${key}`);
    validate = compile(schema);
    cache.set(key, validate);
  }
  return validate;
}

export function componentValidator(name: string): ValidateFunction {
  return compile({ $ref: `#/components/schemas/${name}` });
}

export function webhookValidator(name: string): ValidateFunction {
  const schema = openapi["x-webhooks"][name]?.post.requestBody.content["application/json"].schema;
  if (!schema) throw new Error(`OpenAPI has no webhook ${name}`);
  return compile(schema);
}

export function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}
