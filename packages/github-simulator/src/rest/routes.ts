/** Every REST route the simulator serves; each path is a key of GitHub's OpenAPI `paths` (tested). */
import { appRoutes } from "./apps.js";
import { checkRoutes } from "./checks.js";
import { pullRoutes } from "./pulls.js";
import { repoRoutes } from "./repos.js";
import type { RestRoute } from "./route.js";
import { teamRoutes } from "./teams.js";
import { userRoutes } from "./user.js";

export const restRoutes: readonly RestRoute[] = [...appRoutes, ...checkRoutes, ...pullRoutes, ...repoRoutes, ...teamRoutes, ...userRoutes];
