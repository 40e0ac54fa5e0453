/** A request GitHub would refuse: carries the HTTP status and GitHub's error message. */
export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    // GitHub refusals are expected answers, not bugs: skip the (costly) stack trace.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = "SimulatorError";
  }
}

export const notFound = (): SimulatorError => new SimulatorError(404, "Not Found");
export const unprocessable = (message: string, errors?: unknown[]): SimulatorError =>
  new SimulatorError(422, message, errors);
