/**
 * Addresses that belong to a machine rather than a person, read structurally so that agents
 * nobody catalogued are still seen: an agent's own mailbox (`oz-agent@warp.dev`,
 * `agent@continue.dev`) and, for co-authors, a vendor's no-reply address
 * (`TRAE CLI <noreply@bytedance.com>`, `Paperclip <noreply@paperclip.ing>`).
 *
 * Never: GitHub's per-user `ID+login@users.noreply.github.com` (a person's, read by login
 * elsewhere), code hosts and services that stand in for people (the web-flow committer,
 * GitLab's per-user addresses, Weblate's anonymous translators, CI), automation names, or a
 * name shaped like a person's ("Jane Doe <noreply@janedoe.dev>").
 */
import { namesAutomation, nameWords } from "../ai-names.js";
import { classifyBot } from "./bot-account.js";
import { AGENT_LOCAL, NO_REPLY_LOCAL, PEOPLE_PROXY_DOMAINS, PERSONAL_MAIL_DOMAINS, QUALIFIERS } from "../vocabulary.js";

const MACHINE_WORDS = new Set(["bot", "bots", "robot", "automation", "automated", "service", "system", "daemon", "server", "admin", "team", "support", "notifications", "github", "gitlab"]);

export type AddressClass = "agent-mailbox" | "no-reply" | null;

const PROXIES = new Set(PEOPLE_PROXY_DOMAINS);

/** The domain, any parent domain or any label of it is a proxy ("ci-mac.local", "x.gitlab.com"). */
function proxyDomain(domain: string): boolean {
  if (domain.includes("noreply") || domain.includes("no-reply")) return true;
  const labels = domain.split(".");
  for (let i = 0; i < labels.length; i++) {
    if (PROXIES.has(labels[i]) || PROXIES.has(labels.slice(i).join("."))) return true;
  }
  return false;
}

/** "Jane Doe", "Jean-Luc Picard", "Mary Anne van Dyke": two to four words, titled like a person. */
export function personShapedName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (words.some((word) => QUALIFIERS.has(word.toLowerCase()))) return false;
  return words.every((word) => /^(?:\p{Lu}[\p{Ll}'’.-]*|van|von|de|der|da|di|le|la|bin|al)$/u.test(word));
}

export function classifyAddress(name: string, email: string): AddressClass {
  const at = email.lastIndexOf("@");
  if (at <= 0) return null;
  const local = email.slice(0, at).toLowerCase();
  const domain = email.slice(at + 1).toLowerCase();
  if (!domain.includes(".") || proxyDomain(domain)) return null;
  if (namesAutomation(name) || namesAutomation(local)) return null;
  if (personShapedName(name)) return null;
  if (PERSONAL_MAIL_DOMAINS.has(domain) || /^yahoo\./.test(domain)) {
    return AGENT_LOCAL.test(local) && nameWords(name).some((word) => word === "agent" || word === "ai") ? "agent-mailbox" : null;
  }
  if (AGENT_LOCAL.test(local)) return "agent-mailbox";
  if (!NO_REPLY_LOCAL.test(local) || name.trim() === "") return null;
  // "Docs Bot <noreply@…>": a bot that does not say it is an AI is automation.
  if (nameWords(name).some((word) => MACHINE_WORDS.has(word)) && classifyBot(name).kind !== "ai") return null;
  return "no-reply";
}
