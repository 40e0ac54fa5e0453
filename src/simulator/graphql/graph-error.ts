/** A GraphQL execution error GitHub reports with a `type` (NOT_FOUND, FORBIDDEN, …) beside the message. */
export class GraphError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = "GraphError";
  }
}
