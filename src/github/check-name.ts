/** The one check run this app reports; rulesets require it by this exact name. */
export const CHECK_NAME = "agent-governance";
