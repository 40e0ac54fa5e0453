import { describe, expect, it } from "@jest/globals";
import { schema } from "@octokit/graphql-schema";
import { buildClientSchema, parse, validate, type GraphQLSchema } from "graphql";
import { GRAPHQL_DOCUMENTS } from "../../src/github/facts-query.js";

// The IDL in @octokit/graphql-schema repeats a few enterprise fields, which buildSchema
// rejects; the introspection JSON of the same package is the same schema without that flaw.
const github: GraphQLSchema = buildClientSchema(schema.json as never);

function errorsOf(document: string): string[] {
  return validate(github, parse(document)).map((error) => error.message);
}

describe("GraphQL documents", () => {
  it.each(Object.entries(GRAPHQL_DOCUMENTS))("%s is valid against GitHub's schema", (_name, document) => {
    expect(errorsOf(document)).toEqual([]);
  });

  it.each(Object.entries(GRAPHQL_DOCUMENTS))("%s is a single named operation", (name, document) => {
    const operations = parse(document).definitions.filter((definition) => definition.kind === "OperationDefinition");
    expect(operations.map((operation) => ("name" in operation ? operation.name?.value : undefined))).toEqual([name]);
  });

  it("the validation catches a field GitHub does not have", () => {
    const broken = GRAPHQL_DOCUMENTS.PullRequestFilesPage.replace("changeType", "previousPath");
    expect(errorsOf(broken)).toEqual([expect.stringContaining("previousPath")]);
  });

  it("the main query pages commits, files and reviews by 100 and reports whether more exist", () => {
    const document = GRAPHQL_DOCUMENTS.PullRequestFacts;
    for (const connection of ["commits", "files", "reviews"]) {
      expect(document).toMatch(new RegExp(`\\b${connection}\\(first: 100\\) \\{\\s+totalCount\\s+pageInfo \\{ hasNextPage endCursor \\}`));
    }
  });

  it("the main query says whether labels, review requests and check contexts go on, and whether timeline events began earlier", () => {
    const document = GRAPHQL_DOCUMENTS.PullRequestFacts;
    for (const connection of ["labels", "reviewRequests", "contexts", "associatedPullRequests"]) {
      expect(document).toMatch(new RegExp(`\\b${connection}\\(first: 100\\) \\{(\\s+totalCount)?\\s+pageInfo \\{ hasNextPage endCursor \\}`));
    }
    for (const alias of ["labelEvents", "forcePushes"]) {
      expect(document).toMatch(new RegExp(`\\b${alias}: timelineItems\\(last: 100, [^)]*\\) \\{\\s+pageInfo \\{ hasPreviousPage startCursor \\}`));
    }
  });
});
