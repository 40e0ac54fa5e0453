/** Who can satisfy a requirement, as data: the report words it ("@acme/seniors", "users with write permission or more"). */
import type { Permission } from "../config/schema-parts.js";
import type { TeamRef } from "./login.js";

/** Any of the teams, any of the users, or anyone with at least the permission. */
export interface Audience {
  teams: TeamRef[];
  users: string[];
  permission?: Permission;
}
