/** What a commit e-mail says about the GitHub account behind it, as GitHub would resolve it (pure). */
import { actorFromNoreply, parseNoreplyEmail } from "../detect/login.js";
import type { Actor } from "../facts.js";

/** The account a GitHub noreply e-mail names; null for any other e-mail (locally there is
 * no way to ask GitHub who owns it). */
export function actorFromEmail(email: string): Actor | null {
  const address = parseNoreplyEmail(email);
  return address ? actorFromNoreply(address) : null;
}

/** The pull request author `check` assumes when the HEAD commit's e-mail names nobody. */
export const UNKNOWN_AUTHOR: Actor = { login: "local", isBot: false };
