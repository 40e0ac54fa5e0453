/** The command table: adding a command is one file exporting a `Command` and one row here. */
import { auditCommand } from "./audit.js";
import { backfillCommand } from "./backfill.js";
import { checkCommand } from "./check.js";
import { copyLedgerCommand } from "./copy-ledger.js";
import { detectCommand } from "./detect.js";
import type { Command } from "./command.js";
import { explainCommand } from "./explain.js";
import { protectCommand } from "./protect.js";
import { trustCommand } from "./trust.js";
import { validateCommand } from "./validate.js";

export const COMMANDS: readonly Command[] = [validateCommand, checkCommand, detectCommand, explainCommand, trustCommand, auditCommand, backfillCommand, copyLedgerCommand, protectCommand];
