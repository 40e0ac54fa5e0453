/** The one check run this app reports (SPEC §6); rulesets require it by this exact name. */
export const CHECK_NAME = "agent-governance";
