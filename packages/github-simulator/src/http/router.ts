/**
 * Matches request paths against route templates written exactly as GitHub's OpenAPI paths
 * (`/repos/{owner}/{repo}/contents/{path}`), so the route table can be checked against it.
 */

export interface CompiledRoute<T> {
  method: string;
  path: string;
  segments: string[];
  /** A trailing `{path}` matches the rest of the URL, slashes included. */
  greedy: boolean;
  literalCount: number;
  route: T;
}

export interface RouteMatch<T> {
  route: T;
  template: string;
  params: Record<string, string>;
}

export class Router<T extends { method: string; path: string }> {
  private readonly compiled: CompiledRoute<T>[];

  constructor(routes: readonly T[]) {
    this.compiled = routes
      .map((route) => {
        const segments = route.path.split("/").slice(1);
        return {
          method: route.method.toUpperCase(),
          path: route.path,
          segments,
          greedy: segments[segments.length - 1] === "{path}",
          literalCount: segments.filter((s) => !s.startsWith("{")).length,
          route,
        };
      })
      // Literal segments win over parameters (e.g. /commits/{ref}/status before /commits/{ref}).
      .sort((a, b) => b.literalCount - a.literalCount || Number(a.greedy) - Number(b.greedy));
  }

  /** `path` is the raw (still percent-encoded) path below /api/v3. */
  match(method: string, path: string): RouteMatch<T> | { methodNotAllowed: true } | null {
    const parts = path.split("/").slice(1);
    if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
    let pathMatched = false;
    for (const candidate of this.compiled) {
      const params = matchSegments(candidate, parts);
      if (!params) continue;
      if (candidate.method !== method.toUpperCase()) {
        pathMatched = true;
        continue;
      }
      return { route: candidate.route, template: candidate.path, params };
    }
    return pathMatched ? { methodNotAllowed: true } : null;
  }
}

function matchSegments(route: CompiledRoute<unknown>, parts: string[]): Record<string, string> | null {
  const { segments, greedy } = route;
  if (greedy ? parts.length < segments.length : parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.startsWith("{")) {
      const name = segment.slice(1, -1);
      const raw = greedy && i === segments.length - 1 ? parts.slice(i).join("/") : parts[i];
      if (raw === "") return null;
      params[name] = safeDecode(raw);
    } else if (segment !== parts[i]) {
      return null;
    }
  }
  return params;
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
