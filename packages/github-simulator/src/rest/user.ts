/** The signed-in user behind a user-to-server token: who they are, and their organisation memberships. */
import { SimulatorError, notFound } from "../world/errors.js";
import { ok, type RestRequest, type RestRoute } from "./route.js";

function userLogin(req: RestRequest): string {
  if (req.auth.kind !== "token") throw new SimulatorError(403, "Resource not accessible by integration");
  return req.auth.login;
}

export const userRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/user",
    auth: "installation",
    handle: (req) => {
      const account = req.world.account(userLogin(req));
      if (!account) throw notFound();
      return ok(req.rep.authenticatedUser(account));
    },
  },
  {
    method: "GET",
    path: "/user/memberships/orgs/{org}",
    auth: "installation",
    handle: (req) => {
      const login = userLogin(req);
      const org = req.world.orgs.get(req.params.org.toLowerCase());
      const role = org?.members.get(login.toLowerCase());
      if (!org || !role) throw notFound();
      return ok({
        url: `${req.world.baseUrl}/api/v3/orgs/${org.login}/memberships/${login}`,
        state: "active",
        role,
        organization_url: `${req.world.baseUrl}/api/v3/orgs/${org.login}`,
        organization: req.rep.organization(org.login),
        user: req.rep.userByLogin(login),
      });
    },
  },
];
