/** Organisation teams: team, members, one user's membership. */
import { notFound } from "../world/errors.js";
import { ok, paginate, type RestRoute } from "./route.js";

export const teamRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/orgs/{org}/teams/{team_slug}",
    auth: "installation",
    permission: ["members", "read"],
    handle: (req) => {
      const team = req.world.team(req.params.org, req.params.team_slug);
      if (!team) throw notFound();
      return ok({ ...req.rep.team(team), members_count: team.members.size, repos_count: team.repoPermissions.size, created_at: team.createdAt, updated_at: team.createdAt, organization: req.rep.organizationFull(team.org) });
    },
  },
  {
    method: "GET",
    path: "/orgs/{org}/teams/{team_slug}/members",
    auth: "installation",
    permission: ["members", "read"],
    handle: (req) => {
      const team = req.world.team(req.params.org, req.params.team_slug);
      if (!team) throw notFound();
      const role = req.query.get("role") ?? "all";
      const members = req.world.teamMembers(team).filter((a) => role === "all" || team.members.get(a.login.toLowerCase()) === role);
      const { page, headers } = paginate(req, members);
      return ok(page.map((a) => req.rep.user(a)), headers);
    },
  },
  {
    method: "GET",
    path: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    auth: "installation",
    permission: ["members", "read"],
    handle: (req) => {
      const team = req.world.team(req.params.org, req.params.team_slug);
      const role = team?.members.get(req.params.username.toLowerCase());
      if (!team || !role) throw notFound();
      const org = req.world.account(team.org)!;
      return ok({
        url: `${req.rep.api}/organizations/${org.id}/team/${team.id}/memberships/${req.params.username}`,
        role,
        state: "active",
      });
    },
  },
];
