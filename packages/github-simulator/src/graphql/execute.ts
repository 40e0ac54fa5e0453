/**
 * Executes a GraphQL request against GitHub's schema over the world, answering as GitHub does:
 * 200 with `errors` for syntax/validation problems (messages in GitHub's wording for the common
 * cases), `data` plus typed `errors` (NOT_FOUND, …) for resolution problems.
 */
import { GraphQLError, executeSync, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { GraphError } from "./graph-error.js";
import type { GraphModel } from "./model.js";

export interface GraphqlRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GraphqlOutcome {
  status: number;
  body: unknown;
  operationName?: string;
}

type Prepared = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: Record<string, unknown>[] };

/** Parsed and validated documents by query text: the app sends the same few queries over and over. */
const prepared = new Map<string, Prepared>();
const PREPARED_LIMIT = 500;

function prepare(schema: GraphQLSchema, query: string): Prepared {
  const cached = prepared.get(query);
  if (cached) return cached;
  let result: Prepared;
  try {
    const document = parse(query);
    const errors = validate(schema, document);
    result = errors.length > 0 ? { errors: errors.map(githubValidationError) } : { document };
  } catch (error) {
    const e = error as GraphQLError;
    result = { errors: [{ message: `Parse error on ${e.message.replace(/^Syntax Error: /, "")}`, locations: e.locations ?? [] }] };
  }
  if (prepared.size >= PREPARED_LIMIT) prepared.delete(prepared.keys().next().value as string);
  prepared.set(query, result);
  return result;
}

/** graphql-js wording → GitHub's (graphql-ruby) wording, with GitHub's extension codes. */
function githubValidationError(error: GraphQLError): Record<string, unknown> {
  const base = { locations: error.locations ?? [] };
  let m = /^Cannot query field "(.+?)" on type "(.+?)"\./.exec(error.message);
  if (m) return { ...base, message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`, extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] } };
  m = /^Field "(.+?)" argument "(.+?)" of type "(.+?)" is required, but it was not provided\./.exec(error.message);
  if (m) return { ...base, message: `Field '${m[1]}' is missing required arguments: ${m[2]}`, extensions: { code: "missingRequiredArguments", className: "Field", name: m[1], arguments: m[2] } };
  m = /^Unknown argument "(.+?)" on field "(.+?)\.(.+?)"\./.exec(error.message);
  if (m) return { ...base, message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`, extensions: { code: "argumentNotAccepted", name: m[3], typeName: "Field", argumentName: m[1] } };
  m = /^Variable "\$(.+?)" is not defined/.exec(error.message);
  if (m) return { ...base, message: `Variable $${m[1]} is used by anonymous query but not declared`, extensions: { code: "variableNotDefined", variableName: m[1] } };
  return { ...base, message: error.message };
}

function operationOf(document: DocumentNode, name: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  return name ? operations.find((o) => o.name?.value === name) : operations.length === 1 ? operations[0] : undefined;
}

export function executeGraphql(schema: GraphQLSchema, model: GraphModel, body: GraphqlRequestBody, rootValue: Record<string, unknown>): GraphqlOutcome {
  if (typeof body.query !== "string" || body.query.trim() === "") {
    return { status: 200, body: { errors: [{ message: "A query attribute must be specified and must be a string." }] } };
  }
  const requestedName = typeof body.operationName === "string" && body.operationName !== "" ? body.operationName : undefined;
  const ready = prepare(schema, body.query);
  if (ready.errors) return { status: 200, body: { errors: ready.errors }, operationName: requestedName };
  const operation = operationOf(ready.document, requestedName);
  const operationName = requestedName ?? operation?.name?.value;
  if (operation && operation.operation !== "query") {
    return { status: 200, body: { errors: [{ message: `The simulator does not implement ${operation.operation}s; use the REST API.` }] }, operationName };
  }
  const variables = body.variables && typeof body.variables === "object" ? (body.variables as Record<string, unknown>) : undefined;
  const result = executeSync({ schema, document: ready.document, rootValue, variableValues: variables, operationName: requestedName, contextValue: model });
  return { status: 200, body: githubResult(result), operationName };
}

function githubResult(result: ExecutionResult): Record<string, unknown> {
  if (!result.errors || result.errors.length === 0) return { data: result.data };
  const errors = result.errors.map((error) => {
    const original = error.originalError;
    const typed = original instanceof GraphError ? { type: original.type } : {};
    return { ...typed, path: error.path, locations: error.locations, message: error.message };
  });
  return { data: result.data ?? null, errors };
}
