/**
 * The app's own HTTP endpoints beside Probot's webhook route, as a table of
 * `"METHOD /path"` → handler: adding a page is one entry. Requests that match no entry fall
 * through to Probot (and then to the server's 404).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export type Endpoint = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Keys are `"GET /healthz"`: the method, one space, the path without its query. */
export type Endpoints = Record<string, Endpoint>;

/** A Probot `addHandler` handler: true when it answered the request. */
export function serveEndpoints(endpoints: Endpoints): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    const endpoint = Object.hasOwn(endpoints, `${req.method} ${path}`) ? endpoints[`${req.method} ${path}`] : undefined;
    if (!endpoint) return false;
    await endpoint(req, res);
    return true;
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
