/** GitHub App endpoints: installations, installation tokens (JWT only), rate limit. */
import { SimulatorError, notFound } from "../world/errors.js";
import type { InstallationRecord } from "../world/records.js";
import { bodyObject, created, integerParam, ok, paginate, type RestRequest, type RestRoute } from "./route.js";

function appInstallation(req: RestRequest, installation: InstallationRecord | undefined): InstallationRecord {
  if (!installation || req.auth.kind !== "jwt" || installation.appId !== req.auth.appId) throw notFound();
  return installation;
}

export const appRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/app",
    auth: "app",
    handle: (req) => ok(req.rep.app(req.world.apps.get((req.auth as { appId: number }).appId)!)),
  },
  {
    method: "GET",
    path: "/app/installations",
    auth: "app",
    handle: (req) => {
      const appId = (req.auth as { appId: number }).appId;
      const all = [...req.world.installations.values()].filter((i) => i.appId === appId);
      const { page, headers } = paginate(req, all);
      return ok(page.map((i) => req.rep.installation(i)), headers);
    },
  },
  {
    method: "GET",
    path: "/app/installations/{installation_id}",
    auth: "app",
    handle: (req) => ok(req.rep.installation(appInstallation(req, req.world.installations.get(integerParam(req, "installation_id"))))),
  },
  {
    method: "POST",
    path: "/app/installations/{installation_id}/access_tokens",
    auth: "app",
    handle: (req) => {
      const installation = appInstallation(req, req.world.installations.get(integerParam(req, "installation_id")));
      if (installation.suspendedAt) throw new SimulatorError(403, "This installation has been suspended");
      const body = bodyObject(req);
      const asked = body.permissions as Record<string, string> | undefined;
      if (asked) {
        for (const [name, level] of Object.entries(asked)) {
          const granted = installation.permissions[name];
          if (!granted || (level === "write" && granted !== "write")) {
            throw new SimulatorError(422, "The permissions requested are not granted to this installation.");
          }
        }
      }
      const token = req.credentials.issue(installation, asked);
      const repos = req.world.installationRepos(installation);
      return created({
        token: token.token,
        expires_at: token.expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
        permissions: token.permissions,
        repository_selection: installation.repositorySelection,
        ...(installation.repositorySelection === "selected" ? { repositories: repos.map((r) => req.rep.repository(r)) } : {}),
      });
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/installation",
    auth: "app",
    handle: (req) => {
      const repo = req.world.findRepo(req.params.owner, req.params.repo);
      const installation = repo ? req.world.installationFor(repo.owner, (req.auth as { appId: number }).appId) : undefined;
      if (!repo || !installation || !req.world.installationCovers(installation, repo)) throw notFound();
      return ok(req.rep.installation(installation));
    },
  },
  {
    method: "GET",
    path: "/orgs/{org}/installation",
    auth: "app",
    handle: (req) => ok(req.rep.installation(appInstallation(req, req.world.installationFor(req.params.org, (req.auth as { appId: number }).appId)))),
  },
  {
    method: "GET",
    path: "/installation/repositories",
    auth: "installation",
    handle: (req) => {
      if (req.auth.kind !== "installation") throw new SimulatorError(403, "You must authenticate with an installation access token in order to list repositories for an installation.");
      const repos = req.world.installationRepos(req.auth.installation);
      const { page, headers } = paginate(req, repos);
      return ok(
        { total_count: repos.length, repository_selection: req.auth.installation.repositorySelection, repositories: page.map((r) => req.rep.repository(r)) },
        headers,
      );
    },
  },
  {
    method: "GET",
    path: "/rate_limit",
    auth: "any",
    handle: (req) => {
      const key = rateKey(req);
      const core = req.credentials.budget(key, "core");
      const graphql = req.credentials.budget(key, "graphql");
      const fixed = (limit: number) => ({ limit, used: 0, remaining: limit, reset: core.reset });
      return ok({ resources: { core, search: fixed(30), code_search: fixed(10), graphql, integration_manifest: fixed(5000) }, rate: core });
    },
  },
];

export function rateKey(req: Pick<RestRequest, "auth">): string {
  switch (req.auth.kind) {
    case "installation":
      return `installation:${req.auth.installation.id}`;
    case "token":
      return `user:${req.auth.login}`;
    case "jwt":
      return `app:${req.auth.appId}`;
    default:
      return "anonymous";
  }
}
