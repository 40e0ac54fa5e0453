/** A request GitHub would refuse: carries the HTTP status and GitHub's error message. */
export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
    this.name = "SimulatorError";
  }
}

export const notFound = (): SimulatorError => new SimulatorError(404, "Not Found");
export const unprocessable = (message: string, errors?: unknown[]): SimulatorError =>
  new SimulatorError(422, message, errors);
