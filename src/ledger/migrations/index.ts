/**
 * Every ledger migration, listed in code rather than read from a folder at run time, so the
 * compiled app in dist/ carries them. Names sort in the order they must run; never rename or
 * edit one that has shipped — add the next.
 */
import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./0001-initial.js";
import * as consolePages from "./0002-console.js";
import * as pushers from "./0003-pushers.js";
import * as consoleSpeed from "./0004-console-speed.js";
import * as approvalWaitTeams from "./0005-approval-wait-teams.js";

export const migrations: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
  "0002-console": consolePages,
  "0003-pushers": pushers,
  "0004-console-speed": consoleSpeed,
  "0005-approval-wait-teams": approvalWaitTeams,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
