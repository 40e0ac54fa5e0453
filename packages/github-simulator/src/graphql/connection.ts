/**
 * GitHub's cursor connections: `first`/`last` (at most 100), `after`/`before` cursors
 * ("cursor:N" in base64, as GitHub's own offset cursors), pageInfo and totalCount.
 * Asking for nodes/edges without `first` or `last` fails like GitHub does.
 */
import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";
import { GraphError } from "./graph-error.js";

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const MAX_PAGE = 100;

export const encodeCursor = (index: number): string => Buffer.from(`cursor:${index + 1}`).toString("base64");

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64").toString("utf8");
  const match = /^cursor:(\d+)$/.exec(text);
  if (!match) throw new GraphError("INVALID_CURSOR_ARGUMENTS", `\`${cursor}\` does not appear to be a valid cursor.`);
  return Number(match[1]) - 1;
}

function selects(selectionSet: SelectionSetNode | undefined, names: string[]): boolean {
  return (selectionSet?.selections ?? []).some((s) => {
    if (s.kind === "Field") return names.includes(s.name.value);
    if (s.kind === "InlineFragment") return selects(s.selectionSet, names);
    // Fragment spreads: assume they select nodes (the strict reading).
    return true;
  });
}

export function connection<T>(items: readonly T[], args: PageArgs, info: GraphQLResolveInfo, edgeExtra?: (item: T) => Record<string, unknown>): Record<string, unknown> {
  const field = info.fieldName;
  const { first, last } = args;
  const wantsItems = info.fieldNodes.some((n) => selects(n.selectionSet, ["nodes", "edges"]));
  if (wantsItems && (first === undefined || first === null) && (last === undefined || last === null)) {
    throw new GraphError("MISSING_PAGINATION_BOUNDARIES", `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`);
  }
  for (const [name, value] of [["first", first], ["last", last]] as const) {
    if (value === undefined || value === null) continue;
    if (value > MAX_PAGE) {
      throw new GraphError("EXCESSIVE_PAGINATION", `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`);
    }
    if (value < 0) throw new GraphError("INVALID_PAGINATION", `\`${name}\` on the \`${field}\` connection cannot be less than zero.`);
  }
  let start = 0;
  let end = items.length;
  if (args.after) start = Math.max(decodeCursor(args.after) + 1, 0);
  if (args.before) end = Math.min(decodeCursor(args.before), items.length);
  if (typeof first === "number") end = Math.min(end, start + first);
  if (typeof last === "number") start = Math.max(start, end - last);
  const slice = items.slice(start, Math.max(end, start));
  const indices = slice.map((_, i) => start + i);
  return {
    totalCount: items.length,
    nodes: slice,
    edges: slice.map((node, i) => ({ cursor: encodeCursor(indices[i]), node, ...(edgeExtra ? edgeExtra(node) : {}) })),
    pageInfo: {
      hasNextPage: start + slice.length < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? encodeCursor(start) : null,
      endCursor: slice.length > 0 ? encodeCursor(start + slice.length - 1) : null,
    },
  };
}
