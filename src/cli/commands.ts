/** The command table: adding a command is one file exporting a `Command` and one row here. */
import { checkCommand } from "./check.js";
import type { Command } from "./command.js";
import { validateCommand } from "./validate.js";

export const COMMANDS: readonly Command[] = [validateCommand, checkCommand];
