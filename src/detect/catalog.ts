/**
 * The catalogue of known AI coding agents and the marks they leave. Pure data:
 * adding an agent is an entry here plus a fixture in test/detect/fixtures, never a code change.
 *
 * Every pattern is an exact identity, trailer, footer or URL, each with the public commit,
 * document or issue that shows it (`evidence`; `owner/repo@sha` is a commit on GitHub).
 * Sources and reliability notes: ../shared/research/ai-signals.md. Marks that were only seen
 * in third-party lists say "unconfirmed" in their evidence; they are still exact identities
 * (an App login with `[bot]` or a tool's own address), so they cannot match a person by name.
 *
 * Never add bare words, display names alone or whole vendor domains: people are called
 * Devin, Jules and Claudia, and vendor employees commit from @anthropic.com and @openai.com.
 */
import type { Ambiguity } from "./vocabulary.js";

/** An account or git identity that belongs to the agent. */
export interface AgentIdentity {
  /** REST spelling. A `[bot]` suffix means a GitHub App account, which no person can own. */
  login?: string;
  /** GitHub database id: the number in `ID+login@users.noreply.github.com`. */
  id?: number;
  /** Exact git e-mail, compared case-insensitively (never as a domain). */
  email?: string;
  /** The identity counts only when the git name starts with this (a shared e-mail). */
  namePrefix?: string;
  /** Product variant shown in the signal detail ("coding agent", "CLI"). */
  variant?: string;
  evidence: string;
}

/** A `Key: value` line the tool writes (session link, marker, model sign-off). */
export interface TrailerMark {
  /** Compared case-insensitively. */
  key: string;
  /** Must match the trimmed value; absent = any value. */
  value?: RegExp;
  /** "session-trailer" (a tool's own session/marker key) unless it is a generic key. */
  kind?: "session-trailer" | "trailer";
  variant?: string;
  evidence: string;
}

/** A footer line the tool writes; tested against each line with its leading spaces removed. */
export interface FooterMark {
  /** Anchored with `^`, case-sensitive: all footers are compiled into one expression (flags are not kept). */
  line: RegExp;
  variant?: string;
  evidence: string;
}

/** A link only the tool produces; `url` is the address without scheme, matched as a prefix. */
export interface LinkMark {
  url: string;
  variant?: string;
  evidence: string;
}

export interface BranchMark {
  /** Head-branch prefix, e.g. "copilot/". */
  prefix: string;
  evidence: string;
}

export interface AgentEntry {
  /** Stable kebab-case id used by `when.agents` and the autonomy ledger. */
  id: string;
  name: string;
  /** GitHub shows the agent under several logins: fold them into this one (see login.ts). */
  canonicalLogin?: string;
  identities: AgentIdentity[];
  trailers: TrailerMark[];
  footers: FooterMark[];
  links: LinkMark[];
  branches: BranchMark[];
  /** Git author-name suffixes the tool writes, e.g. "Paul Gauthier (aider)". */
  nameSuffixes?: { suffix: string; evidence: string }[];
  /**
   * Subject prefixes the tool writes, e.g. "aider: ". Matched at the very start only, and only
   * with the tool's transcript in the body (`body`): "aider: add page" is also how a project
   * that documents the `aider` command names its commits.
   */
  subjectPrefixes?: { prefix: string; body: RegExp; evidence: string }[];
  /**
   * How people name the tool in `Assisted-by:`-style trailers ("Assisted-by: Claude:claude-3-opus").
   * `ambiguous` names are also first names or words ("Claude Monet", "Devin Carr"): they count
   * only with a qualifier such as a model, a version or "Code"/"AI" (see ai-names.ts).
   */
  names: { name: string; ambiguous?: Ambiguity }[];
}

export const CATALOG: readonly AgentEntry[] = [
  {
    id: "claude-code",
    name: "Claude Code (Anthropic)",
    identities: [
      {
        email: "noreply@anthropic.com",
        evidence: "RedHatProductSecurity/ai-guardian@04b81abb76e2c8b8175b530ebd81dc1f717ce3c6 (Co-Authored-By default, anthropics/claude-code#29999); micro/go-micro@30f48be6487cda2108283de66f8593c465660cba (author)",
      },
      {
        login: "claude[bot]",
        id: 209825114,
        variant: "Claude GitHub App",
        evidence: "depot/cli@ae92fafd8841d7fa58c4757c348f76c3234a6868, MervinPraison/PraisonAI@df99d777a35d3ab5ba0627ce987befd1962dd068",
      },
      {
        email: "yesreply@happy.engineering",
        variant: "Happy mobile client",
        evidence: "phuryn/claude-usage@fab619d8f0f892f53030023d3dfa86591cac6ec9",
      },
    ],
    trailers: [
      { key: "Claude-Session", evidence: "micro/go-micro@0d53d2960ae8c655942cf57b1cd28fba0b2472e5, github/github-mcp-server@09ea2f9f9ddc832e1fd71579a6e5cecbf2205c3c" },
      { key: "Claude-Generated-By", evidence: "anthropics/claude-code-action@e208124d290ada145ed5dcbe0cf0116c598ffd14" },
      { key: "Claude-Steers", evidence: "anthropics/claude-code-action@e208124d290ada145ed5dcbe0cf0116c598ffd14" },
      { key: "Claude-Permission-Prompts", evidence: "anthropics/claude-code-action@e208124d290ada145ed5dcbe0cf0116c598ffd14" },
      { key: "Claude-Escapes", evidence: "anthropics/claude-code-action@e208124d290ada145ed5dcbe0cf0116c598ffd14" },
    ],
    footers: [
      { line: /^(?:🤖\s*)?Generated with \[Claude Code\]/, evidence: "RedHatProductSecurity/ai-guardian@04b81abb76e2c8b8175b530ebd81dc1f717ce3c6, openai/openai-agents-python@187d69ffc21a9c1e9aaeff36ca3cb2135eb93978, phuryn/claude-usage@fab619d8f0f892f53030023d3dfa86591cac6ec9" },
      { line: /^(?:🤖\s*)?Generated with Claude Code(?:$|[\s(.])/, evidence: "google-gemini/gemini-cli@753f9e0b5400d1d50776364493ad4fdc7da8492f, continuedev/continue@fe5605792baea1e1b77d760b760820e696e5e7cf" },
      { line: /^🤖\s*Generated with Claude\b/, variant: "wrapper", evidence: "depot/cli@5a488810d604e6995080882dbe8f12dcd5a0cdfc ('Generated with Claude via depot claude')" },
      { line: /^Claude session saved to Depot with ID:/, variant: "depot claude wrapper", evidence: "depot/cli@5a488810d604e6995080882dbe8f12dcd5a0cdfc" },
    ],
    links: [
      { url: "claude.ai/code/session_", variant: "Claude Code on the web", evidence: "gui-cs/Terminal.Gui@179190adb49f0e92ab6e5aa2bf87768b77d447a5" },
    ],
    branches: [
      { prefix: "claude/", evidence: "MervinPraison/PraisonAI@f682ffdcc694bee773bebe9be197853970fcd1e3 (claude-code-action branch claude/issue-<n>-<date>)" },
    ],
    nameSuffixes: [
      { suffix: " (claude)", evidence: "Aider-AI/aider@0567e51a52104575a20a32cd8d3063c1e770f423 (aider-style suffix naming Claude)" },
    ],
    names: [{ name: "Claude Code" }, { name: "Claude", ambiguous: "person" }],
  },
  {
    id: "copilot",
    name: "GitHub Copilot (coding agent, CLI/SDK, code review, Autofix, VS Code)",
    canonicalLogin: "Copilot",
    identities: [
      {
        login: "copilot-swe-agent[bot]",
        id: 198982749,
        variant: "coding agent",
        evidence: "github/github-mcp-server@eb088dfe9d854dab6453a8d4ae5871a5ced20974; copilot-coding-agent/user-feedback#76",
      },
      {
        login: "Copilot",
        id: 198982749,
        variant: "coding agent",
        evidence: "github/github-mcp-server@569a48d847236e7ed8d2b46ca57af8af7f768b36, feast-dev/feast@a6236749492ea6465baef61e56ccb55faaebf4d8",
      },
      {
        login: "Copilot",
        id: 223556219,
        variant: "CLI/SDK",
        evidence: "dotnet/ClangSharp@67cac8a6fb94bf32ab636545c075494d0df7ea13, github/github-mcp-server@6c6cae18bacb3281dacc487edc02feb94e1f761f; github/copilot-cli#1455",
      },
      {
        login: "Copilot",
        id: 175728472,
        variant: "code review suggestion",
        evidence: "github/github-mcp-server@28171abb0c43cbebed53064fb406cebbb5381ca9, open-telemetry/opentelemetry-rust@f65888abb797d3f1aa27410cd40bf955b65995d5",
      },
      {
        login: "copilot-pull-request-reviewer[bot]",
        variant: "code review",
        evidence: "https://docs.github.com/en/copilot/using-github-copilot/code-review/using-copilot-code-review (request `copilot-pull-request-reviewer[bot]`); peters/horizon#673",
      },
      {
        email: "62310815+github-advanced-security[bot]@users.noreply.github.com",
        namePrefix: "Copilot Autofix",
        variant: "Autofix",
        evidence: "RooCodeInc/Roo-Code@d2017c80cf425e2827ef5765ffd1d48c66696c8a (the code-scanning App id is not AI by itself, only with this name)",
      },
      {
        email: "copilot@github.com",
        variant: "VS Code git.addAICoAuthor",
        evidence: "gui-cs/Terminal.Gui@07f59c25579125a6ff6031130670c82647612a0f; microsoft/vscode#296435 (may also appear on hand-written commits: microsoft/vscode#313064)",
      },
    ],
    trailers: [
      { key: "Copilot-Session", variant: "CLI/SDK", evidence: "open-telemetry/opentelemetry-rust@84301aef6fdbbe289b4e60b67d85c130b8a30571" },
      {
        key: "Agent-Logs-Url",
        value: /^https?:\/\/\S+\/sessions\//i,
        variant: "coding agent",
        evidence: "gui-cs/Terminal.Gui@b270d5d6159a3790e29b3e68089d2d60d5729fa2, github/github-mcp-server@569a48d847236e7ed8d2b46ca57af8af7f768b36",
      },
    ],
    footers: [],
    links: [],
    branches: [
      { prefix: "copilot/", evidence: "gui-cs/Terminal.Gui@3d0d11727aa139cf5558fe2f6ddcccff87e9efa6; aavetis/PRarena query head:copilot/" },
    ],
    names: [{ name: "GitHub Copilot" }, { name: "Copilot" }],
  },
  {
    id: "cursor",
    name: "Cursor",
    identities: [
      { email: "cursoragent@cursor.com", evidence: "cline/cline@41bb2d8f0091c70cc58132de46eeaf384043daca, feast-dev/feast@398f6435ab68c89205433ba9fcc27b2b2b8d255b" },
      { login: "cursor[bot]", id: 206951365, evidence: "MervinPraison/PraisonAI@51fe7f9cbb66b2608aead948ddecacfdd1a94d8e" },
    ],
    trailers: [
      { key: "Made-with", value: /^Cursor\b/i, evidence: "depot/cli@a36cc8e82aacbe1ceff85c6dbcc37b99c36e1fd0" },
    ],
    footers: [
      { line: /^Made with \[Cursor\]\(https:\/\/cursor\.com/, evidence: "MetaMask/skills@08078d0849b02d558a927288cf34f68faf52394c; getsentry/sentry-docs#16597" },
    ],
    links: [],
    branches: [
      { prefix: "cursor/", evidence: "terryyin/lizard@bc9dddc90190a533b57284ced90fb8cb570fb9dc" },
    ],
    names: [{ name: "Cursor" }],
  },
  {
    id: "codex",
    name: "OpenAI Codex",
    identities: [
      {
        email: "noreply@openai.com",
        variant: "CLI commit attribution",
        evidence: "openai/openai-agents-python@22dd2afa282211e3555b79273dbbbfbf1670d687; openai/codex#11617",
      },
      {
        email: "codex@openai.com",
        variant: "workflow identity",
        evidence: "micro/go-micro@e78cd7107e0d18d22a2cb98e06863d394dd28bed, openai/openai-python@c296052f420187b3b3f9cb3e768cce042f5cae73",
      },
      {
        login: "chatgpt-codex-connector[bot]",
        id: 199175422,
        variant: "review",
        evidence: "PrefectHQ/fastmcp#3552 (reviewer; id from third-party lists)",
      },
    ],
    trailers: [],
    footers: [],
    links: [
      { url: "chatgpt.com/codex/tasks/", variant: "cloud task", evidence: "openai/openai-agents-python@a776d809d3f4dfe267f857b66510ec12b3fff923" },
    ],
    branches: [
      { prefix: "codex/", evidence: "openai/codex#11617 (head codex/hook-based-coauthor-attribution); micro/go-micro AGENTS.md" },
    ],
    names: [{ name: "OpenAI Codex" }, { name: "Codex" }],
  },
  {
    id: "devin",
    name: "Devin (Cognition)",
    identities: [
      {
        login: "devin-ai-integration[bot]",
        id: 158243242,
        evidence: "feast-dev/feast@4ba1dd20fb211e8838e462ed40e022d67b5b4b3c, feast-dev/feast@56469f7d9bd680a288f7a6430b8ff9cbb9b37510",
      },
    ],
    trailers: [],
    footers: [],
    links: [
      { url: "app.devin.ai/sessions/", evidence: "fastrepl/anarlog#2041 ('Link to Devin run: https://app.devin.ai/sessions/<id>')" },
    ],
    branches: [],
    names: [{ name: "Devin", ambiguous: "person" }],
  },
  {
    id: "jules",
    name: "Google Jules",
    identities: [
      {
        login: "google-labs-jules[bot]",
        id: 161369871,
        evidence: "pksunkara/cargo-workspaces@17b5467d516559d2bf22e707d0f268e5aa1ecfc3, google-gemini/gemini-cli@b38e0984b9832fd72383a214e0312291ec4dac25",
      },
    ],
    trailers: [],
    footers: [
      { line: /^\*?PR created automatically by Jules for task/, evidence: "google/virtual-broadcast-production-assistant#309" },
    ],
    links: [
      { url: "jules.google.com/task/", evidence: "google/virtual-broadcast-production-assistant#309" },
    ],
    branches: [],
    names: [{ name: "Google Jules" }, { name: "Jules", ambiguous: "person" }],
  },
  {
    id: "gemini-cli",
    name: "Gemini CLI",
    identities: [
      { email: "gemini-cli@google.com", evidence: "google-gemini/gemini-cli@07d1d060cf0b932511c84f358870097ffcd18f29 (user/workflow-set identity)" },
      { email: "gemini@google.com", namePrefix: "Gemini", evidence: "google-github-actions/run-gemini-cli@08da1e9884e33cd7ff530a16eb4e4e4b194e7aec (author and committer 'Gemini <gemini@google.com>')" },
      { login: "gemini-cli[bot]", id: 218312386, variant: "review", evidence: "google-github-actions/run-gemini-cli@d4956b139edbff5a22cd9088d63a34e991054d0d (co-author of an accepted review suggestion)" },
    ],
    trailers: [
      {
        key: "Signed-off-by",
        value: /^Gemini(?:\s*<YourFriendlyNeighborhoodAI@example\.com>|,\s*your friendly neighborhood code agent\.?)?$/i,
        kind: "trailer",
        variant: "model-written sign-off",
        evidence: "google-gemini/gemini-cli@8537aabba49543af5c96138285578e4e9d36a76f, google-gemini/gemini-cli@2970f0a06c234d1cb2fafb2e02754973bd1fa26a",
      },
    ],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Gemini CLI" }],
  },
  {
    id: "gemini-code-assist",
    name: "Gemini Code Assist",
    identities: [
      { login: "gemini-code-assist[bot]", id: 176961590, evidence: "google-gemini/gemini-cli@f47d6c6f7a1308d81f9f57acf7d279f0928c5249 (accepted review suggestion)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Gemini Code Assist" }],
  },
  {
    id: "aider",
    name: "Aider",
    identities: [
      { email: "aider@aider.chat", evidence: "Aider-AI/aider@32faf82b31c54d6f19c5c3d63bc294f748bd3e72; aider/repo.py at Aider-AI/aider@5dc9490bb35f" },
      { email: "noreply@aider.chat", evidence: "Aider-AI/aider@3f94fd5e4edd2205a24d5716c4dec3e9075f3b56 (older address)" },
      { email: "noreply@aider.dev", evidence: "Aider-AI/aider@3f94fd5e4edd2205a24d5716c4dec3e9075f3b56" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    nameSuffixes: [
      { suffix: " (aider)", evidence: "Aider-AI/aider@14af218ea281854c0900ebbfcf8ca453aa3c41aa, Aider-AI/aider@7c9cff2f6ecea9b68cced7d446086a7e79c70c04" },
    ],
    subjectPrefixes: [
      {
        prefix: "aider: ",
        body: /^(?:# Aider chat conversation|# Context:|USER: )/m,
        evidence: "Aider-AI/aider@898d98fdb3a0ffa3d370ea38c5e2461330093966 (2023 default, with the chat transcript in the body); tldr-pages/tldr@f8a87f0d68 is a person's 'aider: add page'",
      },
    ],
    names: [{ name: "Aider" }],
  },
  {
    id: "amazon-q",
    name: "Amazon Q Developer",
    identities: [
      { login: "amazon-q-developer[bot]", id: 208079219, evidence: "unconfirmed: third-party lists (no readable commit); reviews and pushes to q/… branches" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Amazon Q Developer" }, { name: "Amazon Q" }, { name: "Q Developer" }],
  },
  {
    id: "amp",
    name: "Amp (Sourcegraph)",
    identities: [
      { email: "amp@ampcode.com", evidence: "depot/cli@5f4f3eb036b582d477faf69bdc35583e9f2f650b, depot/cli@c45c921e6a7d0c1e9563051030ab4886ddfc35e4" },
    ],
    trailers: [
      { key: "Amp-Thread-ID", evidence: "depot/cli@5f4f3eb036b582d477faf69bdc35583e9f2f650b" },
      { key: "Amp-Thread", value: /ampcode\.com\/threads\//i, evidence: "unconfirmed: third-party AGENTS.md template" },
    ],
    footers: [],
    links: [
      { url: "ampcode.com/threads/T-", evidence: "depot/cli@5f4f3eb036b582d477faf69bdc35583e9f2f650b" },
    ],
    branches: [],
    names: [{ name: "Amp", ambiguous: "word" }],
  },
  {
    id: "openhands",
    name: "OpenHands (formerly OpenDevin)",
    identities: [
      {
        email: "openhands@all-hands.dev",
        evidence: "All-Hands-AI/OpenHands@ed094b6a974687e7fec4a9a2619ebb42e3428ca4, @051c579855922666ab4b052a2353d30b16c3e2a4 (also reused by OpenHands' non-AI lint workflow, All-Hands-AI/OpenHands@0fe0754b235d)",
      },
      { email: "opendevin@all-hands.dev", variant: "OpenDevin", evidence: "All-Hands-AI/OpenHands@92b19ed1fb5cfd20c84c00d8bbb3c905f6e96bdb" },
      { email: "opendevin@opendevin.ai", variant: "OpenDevin", evidence: "All-Hands-AI/OpenHands history (legacy identity, ai-signals.md)" },
      { email: "bot@opendevin.com", variant: "OpenDevinBot", evidence: "All-Hands-AI/OpenHands history (legacy identity, ai-signals.md)" },
      { login: "openhands-agent[bot]", evidence: "unconfirmed: third-party lists" },
      { login: "openhands-ai[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "OpenHands" }, { name: "OpenDevin" }],
  },
  {
    id: "sweep",
    name: "Sweep",
    identities: [
      { login: "sweep-ai[bot]", id: 128439645, evidence: "sweepai/sweep@c1833065a771a184321748b3deac07a7837e739a" },
      { login: "sweep-nightly[bot]", id: 131841235, evidence: "sweepai/sweep@ab0c1b4efc3cf78197a7418a0049f95b28fcaf3c" },
    ],
    trailers: [],
    footers: [
      { line: /^\*?This is an automated message generated by \[Sweep/, evidence: "sweepai/sweep@cd16e586423c06b6696f2d33bcceb759c4ff86d5" },
    ],
    links: [],
    branches: [
      { prefix: "sweep/", evidence: "sweepai/sweep history ('Merge main into sweep/…'); ai-signals.md rule 7" },
    ],
    names: [{ name: "Sweep AI" }, { name: "Sweep", ambiguous: "word" }],
  },
  {
    id: "windsurf",
    name: "Windsurf (Cascade) / Codeium",
    identities: [
      { email: "cascade@windsurf.dev", evidence: "MervinPraison/PraisonAI@68cc9427ffca2f5f844051f8b90f94367bcd5689, @73eaacad358ab42a65df5920cc706014b4ba0a5b" },
      { email: "cascade@windsurf.ai", evidence: "unconfirmed: third-party lists" },
      { email: "cascade@windsurf.com", evidence: "unconfirmed: third-party lists" },
      { email: "noreply@codeium.com", evidence: "unconfirmed: third-party lists" },
      { login: "windsurf-bot[bot]", id: 189301087, evidence: "unconfirmed: third-party lists" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Windsurf" }, { name: "Codeium" }, { name: "Cascade", ambiguous: "word" }],
  },
  {
    id: "cline",
    name: "Cline",
    identities: [
      {
        login: "cline-agent",
        email: "cline-agent@users.noreply.github.com",
        variant: "cline project identity",
        evidence: "cline/cline@c18d9478bae502b291d3ba997e86630630ceed13, cline/cline@3520786f4aa99e7c29982de8e1e8e725fbb48342",
      },
      { login: "cline[bot]", id: 205137888, evidence: "unconfirmed: third-party lists" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Cline", ambiguous: "person" }],
  },
  {
    id: "roo-code",
    name: "Roo Code (Roomote)",
    identities: [
      { login: "roomote[bot]", id: 219738659, evidence: "RooCodeInc/Roo-Code@1da2b1c457fb597d284d30a0b4f0fdb9d8c29301, @f179ba1b9ed99384310d2785e9d7f161cc6179d5" },
      { login: "roomote-v0[bot]", id: 219738659, evidence: "RooCodeInc/Roo-Code@319b5576c7b84325115057fee855896c8b337fcb" },
      { email: "roomote@roocode.com", evidence: "RooCodeInc/Roo-Code@319b5576c7b84325115057fee855896c8b337fcb" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Roo Code" }, { name: "Roomote" }],
  },
  {
    id: "continue",
    name: "Continue",
    identities: [
      { login: "continue[bot]", id: 230936708, evidence: "continuedev/continue@ab93032d0d69e3940baf5848eb835e31c94d5f4e, @0d21e1cbc4f0403e2c1b54df51d745f0966622c0" },
      { email: "noreply@continue.dev", evidence: "continuedev/continue@d7aa797a94c3a8138835a6cdfebecad05f203898" },
      { email: "agent@continue.dev", evidence: "continuedev/continue@ab93032d0d69e3940baf5848eb835e31c94d5f4e" },
    ],
    trailers: [],
    footers: [
      {
        line: /^(?:🤖\s*)?Generated with \[?Continue\]?\s*\(https:\/\/continue\.dev\)/,
        evidence: "continuedev/continue@d7aa797a94c3a8138835a6cdfebecad05f203898, @38848092a5177a1663ea181680ede86cfefa3fb8",
      },
    ],
    links: [],
    branches: [],
    names: [{ name: "Continue", ambiguous: "word" }],
  },
  {
    id: "factory-droid",
    name: "Factory (Droids)",
    identities: [
      { login: "factory-droid[bot]", id: 138933559, evidence: "Factory-AI/droid-action@e3fc78bb1fadc7db1115bbdbdbd2473eaa43baac, @a686f8a15ebaa5b56a4b84758ded0ed4e9ac7641" },
      { email: "droid@factory.ai", evidence: "unconfirmed: third-party lists" },
      { login: "factory-ai[bot]", evidence: "unconfirmed: third-party lists" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Factory Droid" }, { name: "Droid", ambiguous: "word" }],
  },
  {
    id: "opencode",
    name: "OpenCode (incl. oh-my-opencode Sisyphus)",
    identities: [
      { login: "opencode-agent[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
      { email: "clio-agent@sisyphuslabs.ai", variant: "Sisyphus", evidence: "depot/cli@c9361955f9956a0fb171c29934af98bee276541c" },
      {
        email: "noreply@opencode.ai",
        evidence: "PrefectHQ/fastmcp@71fb4ab6716b ('Co-authored-by: opencode <noreply@opencode.ai>'); " + "anomalyco/opencode#786 (default 'Co-Authored-By: opencode <noreply@opencode.ai>', sst/opencode packages/opencode/src/tool/bash.txt), #919",
      },
    ],
    trailers: [],
    footers: [
      {
        line: /^(?:🤖\s*)?Generated with \[?(?:OpenCode|opencode)\]?(?:$|[\s(])/,
        evidence: "RedHatProductSecurity/ai-guardian@9a542412c01f21bef9c158bec1b055b1f69eb7dc ('[OpenCode]'); anomalyco/opencode#786 ('[opencode](https://opencode.ai)'), #919 ('Generated with opencode')",
      },
      { line: /^Ultraworked with \[Sisyphus\]/, variant: "Sisyphus", evidence: "depot/cli@c9361955f9956a0fb171c29934af98bee276541c" },
    ],
    links: [],
    branches: [],
    names: [{ name: "OpenCode" }],
  },
  {
    id: "crush",
    name: "Crush (Charm)",
    identities: [
      { email: "crush@charm.land", evidence: "charmbracelet/crush@36a4f79ac0e4, @cda2719416c1; internal/llm/tools/bash.go (default attribution 'Co-Authored-By: Crush <crush@charm.land>')" },
    ],
    trailers: [],
    footers: [
      { line: /^💘\s*Generated with Crush\b/, evidence: "charmbracelet/crush internal/llm/tools/bash.go (default '💘 Generated with Crush')" },
    ],
    links: [],
    branches: [],
    names: [{ name: "Crush", ambiguous: "word" }],
  },
  {
    id: "qwen-code",
    name: "Qwen Code",
    identities: [
      { email: "qwen-coder@alibabacloud.com", evidence: "QwenLM/qwen-code packages/core shell tool (getGitCoAuthor default 'Qwen-Coder <qwen-coder@alibabacloud.com>')" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Qwen Code" }, { name: "Qwen-Coder" }],
  },
  {
    id: "coderabbit",
    name: "CodeRabbit (accepted review suggestions)",
    identities: [
      { login: "coderabbitai[bot]", id: 136622811, evidence: "MervinPraison/PraisonAI@9390da70995c9d73a8a6b56bd80a2956a42af97f" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "CodeRabbit" }],
  },
  {
    id: "ellipsis",
    name: "Ellipsis (accepted review suggestions)",
    identities: [
      { login: "ellipsis-dev[bot]", id: 65095814, evidence: "RooCodeInc/Roo-Code@dd44f8fb8cf1a65abfc4e25b316753743de03412" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "greptile",
    name: "Greptile (accepted review suggestions)",
    identities: [
      { login: "greptile-apps[bot]", id: 165735046, evidence: "cline/cline@2f58bbe4eda148b4e5575a3983c231b40de9c947" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Greptile" }],
  },
  {
    id: "cubic",
    name: "cubic (accepted review suggestions)",
    identities: [{ login: "cubic-dev-ai[bot]", evidence: "continuedev/continue history (ai-signals.md)" }],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "aikido-autofix",
    name: "Aikido AutoFix",
    identities: [{ login: "aikido-autofix[bot]", id: 119856028, evidence: "cline/cline history (ai-signals.md, medium reliability)" }],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "mentat",
    name: "Mentat",
    // A user account run as a bot: no [bot] suffix, so the numeric id is what identifies it.
    identities: [
      { login: "MentatBot", id: 160964065, evidence: "All-Hands-AI/OpenHands@d97b2eff681c2a38258468abb3d93201a5516a17" },
      { login: "mentatbot[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Mentat" }],
  },
  {
    id: "hermes-agent",
    name: "Hermes Agent (Nous Research)",
    identities: [{ email: "hermes-agent@nousresearch.com", evidence: "openai/openai-python@a22b91fb5907b2fad45fba4674c6337e35b3b370" }],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Hermes Agent" }],
  },
  {
    id: "kiro",
    name: "Kiro (AWS)",
    identities: [
      { login: "kiro-agent", id: 244629292, evidence: "aws/amazon-q-developer-cli@d29277d47577 ('Co-authored-by: Kiro Agent <…+kiro-agent@users.noreply.github.com>')" },
      { login: "kiro-agent[bot]", evidence: "aws/amazon-q-developer-cli@d29277d47577 (author kiro-agent[bot])" },
      { email: "noreply@kiro.dev", evidence: "unconfirmed: third-party lists" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Kiro", ambiguous: "person" }],
  },
  {
    id: "cody",
    name: "Sourcegraph Cody",
    identities: [{ login: "sourcegraph-cody[bot]", id: 201248094, evidence: "unconfirmed: third-party lists" }],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Sourcegraph Cody" }, { name: "Cody", ambiguous: "person" }],
  },
  {
    id: "codegen",
    name: "Codegen",
    identities: [{ login: "codegen-sh[bot]", evidence: "codegen-sh/codegen@2071dc587649 (author codegen-sh[bot])" }],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "tabnine",
    name: "Tabnine",
    identities: [{ email: "noreply@tabnine.com", evidence: "unconfirmed: third-party test file ('Tabnine CLI <noreply@tabnine.com>')" }],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Tabnine" }],
  },
  {
    id: "junie",
    name: "JetBrains Junie",
    identities: [
      { email: "junie@jetbrains.com", evidence: "JetBrains/junie-github-action@8c7e4716d00e ('Co-authored-by: Junie <junie@jetbrains.com>')" },
      { login: "junie-github-actions[bot]", id: 253382199, evidence: "JetBrains/junie-github-action@121add78844d38660c2a5e362be0525ab31a51ac" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Junie", ambiguous: "person" }],
  },
  {
    id: "replit-agent",
    name: "Replit Agent",
    identities: [],
    trailers: [{ key: "Replit-Commit-Author", value: /^Agent\b/i, evidence: "unconfirmed: third-party lists" }],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Replit Agent" }],
  },
  {
    id: "mistral-vibe",
    name: "Mistral Vibe (Mistral AI CLI)",
    identities: [
      { email: "vibe@mistral.ai", evidence: "modelcontextprotocol/python-sdk@e0823b3bdfd1301ddd9b342bc9815841c306b8a1, PrefectHQ/fastmcp@1e1688bc8954c94e4fa6826ed3ee8b6831c516d9" },
    ],
    trailers: [],
    footers: [
      { line: /^(?:🤖\s*)?Generated (?:with|by) Mistral Vibe\b/, evidence: "PrefectHQ/fastmcp@1e1688bc8954c94e4fa6826ed3ee8b6831c516d9, modelcontextprotocol/python-sdk@e0823b3bdfd1301ddd9b342bc9815841c306b8a1" },
    ],
    links: [],
    branches: [],
    names: [{ name: "Mistral Vibe" }],
  },
  {
    id: "warp-oz",
    name: "Warp (Oz agent)",
    identities: [
      { email: "oz-agent@warp.dev", evidence: "warpdotdev/docs@3409833150425987af3c6dc3ba418d477af01a61, warpdotdev/docs@af5f81b6f1172b640d7b55582a16d1efdc6f8727" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Oz Agent" }, { name: "Warp Agent" }, { name: "Warp AI" }],
  },
  {
    id: "trae",
    name: "TRAE (ByteDance)",
    identities: [
      { email: "noreply@bytedance.com", namePrefix: "TRAE", evidence: "pydantic/pydantic-ai@988181eec60900a6d29947addb29b75f05b68df0 (only with a name starting \"TRAE\")" },
      { email: "traecli@bytedance.com", evidence: "unconfirmed: third-party attribution lists quoting `Co-authored-by: TRAE CLI <traecli@bytedance.com>`" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "TRAE CLI" }, { name: "TRAE Agent" }, { name: "Trae", ambiguous: "person" }],
  },
  {
    id: "codeflash",
    name: "Codeflash (AI performance optimizer)",
    identities: [
      { login: "codeflash-ai[bot]", id: 148906541, evidence: "pydantic/pydantic-ai@e46fbae17722d72824bb53ceddabda5368c5253f" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Codeflash" }],
  },
  {
    id: "hyperlint",
    name: "Hyperlint (accepted AI docs-review suggestions)",
    identities: [
      { login: "hyperlint-ai[bot]", id: 154288675, evidence: "pydantic/pydantic-ai@6f9e02de5bd74c2a0c05b910cedf5124f610668b" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Hyperlint" }],
  },
  {
    id: "paperclip",
    name: "Paperclip (agent orchestration)",
    identities: [
      { email: "noreply@paperclip.ing", evidence: "microsoft/playwright-mcp@9df54558286b94a9f93f35fb4850b73cb776aa95" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Paperclip", ambiguous: "word" }],
  },
  {
    id: "antigravity",
    name: "Google Antigravity",
    identities: [],
    trailers: [],
    footers: [
      { line: /^(?:🤖\s*)?Generated with (?:Google )?Antigravity\b/, evidence: "PrefectHQ/fastmcp@c89d021433448c524c4c9773869cfd9bcf467cbb" },
    ],
    links: [],
    branches: [],
    names: [{ name: "Google Antigravity" }, { name: "Antigravity", ambiguous: "word" }],
  },
  {
    id: "goose",
    name: "goose (Block)",
    identities: [
      { email: "goose-agent@block.xyz", evidence: "unconfirmed: project agent instructions quoting `Co-Authored-By: Goose <goose-agent@block.xyz>`" },
      { email: "goose@block.xyz", evidence: "unconfirmed: goose contributor guide translation quoting `Co-Authored-By: goose <goose@block.xyz>`" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Goose", ambiguous: "word" }],
  },
  {
    id: "kimi",
    name: "Kimi Code / Kimi CLI (Moonshot AI)",
    identities: [
      { email: "noreply@moonshot.ai", evidence: "vllm-project/vllm commit log quoted in public notes: `Co-authored-by: Kimi Code <noreply@moonshot.ai>` (#56464)" },
      { email: "noreply@moonshot.cn", evidence: "unconfirmed: agent instructions quoting `Co-Authored-By: Kimi k2.5 <noreply@moonshot.cn>`" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Kimi Code" }, { name: "Kimi CLI" }],
  },
  {
    id: "zed",
    name: "Zed (agent panel)",
    identities: [
      { email: "noreply@zed.dev", evidence: "unconfirmed: commit templates quoting `Co-Authored-By: Zed <noreply@zed.dev>` next to \"via [Zed](https://zed.dev/docs/ai/external-agents)\"" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Zed Agent" }, { name: "Zed AI" }, { name: "Zed", ambiguous: "person" }],
  },
  {
    id: "augment",
    name: "Augment Code (Auggie, code review)",
    identities: [
      { login: "augmentcode[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login); reviews seen as `augmentcode[bot] — COMMENTED`" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Augment Code" }, { name: "Auggie" }, { name: "Augment", ambiguous: "word" }],
  },
  {
    id: "sourcery",
    name: "Sourcery (AI review)",
    identities: [
      { login: "sourcery-ai[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login); https://docs.sourcery.ai" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Sourcery AI" }, { name: "Sourcery", ambiguous: "word" }],
  },
  {
    id: "qodo",
    name: "Qodo (formerly CodiumAI: Qodo Merge, PR-Agent)",
    identities: [
      { login: "qodo-merge-pro[bot]", id: 151058649, evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login); https://qodo-merge-docs.qodo.ai" },
      { login: "qodo-code-review[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
      { login: "codiumai-pr-agent-free[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Qodo" }, { name: "Qodo Merge" }, { name: "CodiumAI" }, { name: "PR-Agent" }],
  },
  {
    id: "korbit",
    name: "Korbit (AI review)",
    identities: [
      { login: "korbit-ai[bot]", id: 131444098, evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login); https://docs.korbit.ai" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Korbit" }],
  },
  {
    id: "bito",
    name: "Bito (AI review)",
    identities: [
      { login: "bito-code-review[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login); https://docs.bito.ai" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Bito AI" }],
  },
  {
    id: "codeant",
    name: "CodeAnt AI (review and autofix)",
    identities: [
      { login: "codeant-ai[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login); https://docs.codeant.ai" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "CodeAnt AI" }, { name: "CodeAnt" }],
  },
  {
    id: "baz",
    name: "Baz (AI review)",
    identities: [
      { login: "baz-reviewer[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login); https://docs.baz.co" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "charlie",
    name: "Charlie (Charlie Labs agent)",
    identities: [
      { login: "charliecreates[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "tembo",
    name: "Tembo (background agents)",
    identities: [
      { login: "tembo[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "lovable",
    name: "Lovable (formerly GPT Engineer)",
    identities: [
      { login: "lovable-dev[bot]", evidence: "unconfirmed: third-party notes (\"Commits from Lovable are signed as `lovable-dev[bot]`\", Vercel ignore scripts keyed on the login)" },
      { login: "gpt-engineer-app[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Lovable", ambiguous: "word" }, { name: "GPT Engineer" }],
  },
  {
    id: "kilo-code",
    name: "Kilo Code",
    identities: [
      { login: "kilo-code-bot[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login); Kilo Code review docs (GitHub App that reviews pull requests)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Kilo Code" }, { name: "Kilo CLI" }],
  },
  {
    id: "macroscope",
    name: "Macroscope (AI review)",
    identities: [
      { login: "macroscopeapp[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Macroscope" }],
  },
  {
    id: "recurse-ml",
    name: "Recurse ML (AI review)",
    identities: [
      { login: "recurseml[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "sentry-seer",
    name: "Sentry Seer (AI debugging and review)",
    identities: [
      { login: "seer-by-sentry[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login); https://docs.sentry.io (Seer)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Sentry Seer" }],
  },
  {
    id: "what-the-diff",
    name: "What The Diff (AI PR summaries)",
    identities: [
      { login: "what-the-diff[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "entelligence",
    name: "Entelligence AI (review)",
    identities: [
      { login: "entelligence-ai-pr-reviews[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Entelligence AI" }],
  },
  {
    id: "gitauto",
    name: "GitAuto (AI agent)",
    identities: [
      { login: "gitauto-ai[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "GitAuto" }],
  },
  {
    id: "llamapreview",
    name: "LlamaPReview (AI review)",
    identities: [
      { login: "llamapreview[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "cto-new",
    name: "cto.new (coding agent)",
    identities: [
      { login: "cto-new[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [],
  },
  {
    id: "corgea",
    name: "Corgea (AI security autofix)",
    identities: [
      { login: "corgea[bot]", evidence: "unconfirmed: third-party registries of AI review/agent GitHub Apps (searched public code for the login)" },
    ],
    trailers: [],
    footers: [],
    links: [],
    branches: [],
    names: [{ name: "Corgea" }],
  },
];
