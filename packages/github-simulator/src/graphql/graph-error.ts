/** A GraphQL execution error GitHub reports with a `type` (NOT_FOUND, FORBIDDEN, …) beside the message. */
export class GraphError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    // These are answers, not bugs: skip the stack trace (costly under source maps, and NOT_FOUND is frequent).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = "GraphError";
  }
}
