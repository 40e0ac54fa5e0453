/**
 * Injected faults: the next N matching requests fail (5xx), hit a secondary rate limit, or
 * are delayed. A match is "METHOD /route" or "/route" (route template or concrete path, with
 * or without /api/v3; a trailing * matches a prefix), "graphql" / "graphql:OperationName",
 * a RegExp over "METHOD /path", or a predicate.
 */

export interface FaultTarget {
  method: string;
  /** Concrete path, e.g. /api/v3/repos/o/r/check-runs or /api/graphql. */
  path: string;
  /** Route template, e.g. /repos/{owner}/{repo}/check-runs, or "/graphql". */
  route: string | null;
  operationName?: string;
}

export type FaultMatch = string | RegExp | ((target: FaultTarget) => boolean);

export type FaultAction =
  | { kind: "fail"; status: number; message: string }
  | { kind: "secondary-rate-limit"; retryAfter: number }
  | { kind: "delay"; ms: number };

interface ArmedFault {
  match: FaultMatch;
  remaining: number;
  action: FaultAction;
}

export class Faults {
  private armed: ArmedFault[] = [];

  /** The next `times` matching requests answer `status` (default 500). */
  fail(match: FaultMatch, options: { status?: number; times?: number; message?: string } = {}): this {
    const status = options.status ?? 500;
    const message = options.message ?? (status === 502 ? "Bad Gateway" : status === 503 ? "Service Unavailable" : "Server Error");
    return this.arm(match, options.times ?? 1, { kind: "fail", status, message });
  }

  /** The next `times` matching requests answer 403 "You have exceeded a secondary rate limit" with retry-after. */
  secondaryRateLimit(match: FaultMatch, options: { times?: number; retryAfter?: number } = {}): this {
    return this.arm(match, options.times ?? 1, { kind: "secondary-rate-limit", retryAfter: options.retryAfter ?? 1 });
  }

  /** The next `times` matching requests are answered `ms` later than usual. */
  delay(match: FaultMatch, ms: number, times = 1): this {
    return this.arm(match, times, { kind: "delay", ms });
  }

  clear(): void {
    this.armed = [];
  }

  /** Faults not yet used up (for assertions that a fault was actually hit). */
  pending(): number {
    return this.armed.reduce((n, f) => n + f.remaining, 0);
  }

  /** Consumes and returns the faults that apply to this request: at most one delay and one failure. */
  take(target: FaultTarget): FaultAction[] {
    const taken: FaultAction[] = [];
    let delayed = false;
    let failed = false;
    for (const fault of this.armed) {
      if (fault.remaining <= 0 || !matches(fault.match, target)) continue;
      const isDelay = fault.action.kind === "delay";
      if (isDelay ? delayed : failed) continue;
      if (isDelay) delayed = true;
      else failed = true;
      fault.remaining--;
      taken.push(fault.action);
    }
    this.armed = this.armed.filter((f) => f.remaining > 0);
    // Delays first, so a delayed failure arrives late.
    return taken.sort((a, b) => Number(b.kind === "delay") - Number(a.kind === "delay"));
  }

  private arm(match: FaultMatch, times: number, action: FaultAction): this {
    this.armed.push({ match, remaining: times, action });
    return this;
  }
}

export function matches(match: FaultMatch, target: FaultTarget): boolean {
  if (typeof match === "function") return match(target);
  if (match instanceof RegExp) return match.test(`${target.method} ${target.path}`);
  const spec = match.trim();
  if (spec === "graphql" || spec.startsWith("graphql:")) {
    if (target.route !== "/graphql") return false;
    return spec === "graphql" || target.operationName === spec.slice("graphql:".length);
  }
  const space = spec.indexOf(" ");
  const method = space > 0 ? spec.slice(0, space).toUpperCase() : null;
  const pattern = space > 0 ? spec.slice(space + 1).trim() : spec;
  if (method && method !== target.method.toUpperCase()) return false;
  const restPath = target.path.startsWith("/api/v3") ? target.path.slice("/api/v3".length) : target.path;
  const candidates = [target.path, restPath, ...(target.route ? [target.route] : [])];
  if (pattern === "*") return true;
  if (pattern.endsWith("*")) {
    const prefix = pattern.slice(0, -1);
    return candidates.some((c) => c.startsWith(prefix));
  }
  return candidates.includes(pattern);
}
