/**
 * The words the structural rules read, as data: model families and vendors, the words that
 * turn an ambiguous name into a tool, the words that mark automation, and the hosts whose
 * machine addresses stand in for people. Changing what the rules recognise is a change here.
 */

/**
 * How a name can also be something else. `person`: also a first name (Claude, Devin, Jules):
 * needs a qualifier everywhere. `word`: also an ordinary word (Crush, Continue, Amp): may
 * stand alone as a whole trailer value, never as the start of longer text.
 */
export type Ambiguity = "person" | "word";

/**
 * Model families and vendors: they say "an AI", not which agent. A `vendor` is also a
 * company whose own automation and people commit under its name, so it names an AI in a
 * trailer or a co-author, never as a commit's author or committer.
 */
export const MODEL_FAMILIES: readonly { name: string; ambiguous?: Ambiguity; vendor?: true }[] = [
  { name: "ChatGPT" },
  { name: "GPT" },
  { name: "OpenAI", vendor: true },
  { name: "Anthropic", vendor: true },
  { name: "Gemini" },
  { name: "Gemma", ambiguous: "person" },
  { name: "Llama", ambiguous: "word" },
  { name: "Qwen" },
  { name: "QwQ" },
  { name: "DeepSeek" },
  { name: "Mistral", ambiguous: "word" },
  { name: "Mistral AI", vendor: true },
  { name: "Mixtral" },
  { name: "Codestral" },
  { name: "Devstral" },
  { name: "Magistral" },
  { name: "Grok" },
  { name: "xAI", vendor: true },
  { name: "GLM" },
  { name: "ChatGLM" },
  { name: "Zhipu", vendor: true },
  { name: "Kimi", ambiguous: "person" },
  { name: "Moonshot AI", vendor: true },
  { name: "MiniMax" },
  { name: "Opus", ambiguous: "word" },
  { name: "Sonnet", ambiguous: "word" },
  { name: "Haiku", ambiguous: "word" },
  { name: "Nemotron" },
  { name: "Cohere", vendor: true },
  { name: "Doubao" },
  { name: "Hunyuan" },
  { name: "ERNIE", ambiguous: "person" },
  { name: "LLM" },
  { name: "GenAI" },
  { name: "AI", ambiguous: "word" },
];

/** Words after an ambiguous name that make it a tool rather than a person or a word. */
export const QUALIFIERS: ReadonlySet<string> = new Set([
  "code", "cli", "agent", "ai", "assistant", "assist", "chat", "bot", "opus", "sonnet", "haiku",
  "pro", "flash", "ultra", "mini", "nano", "turbo", "model", "llm", "coder", "coding", "cloud",
  "web", "desktop", "ide", "sdk", "app", "max", "plus", "preview", "instruct", "thinking",
  "reasoning", "codex", "high", "low", "medium", "assistance",
]);

/** Emoji that agents put before "Generated with/by <tool>" (🤖 Claude Code, 💘 Crush, ✨ …). */
export const AGENT_EMOJI = /^(?:🤖|👾|🦾|🦿|🧠|🪄|✨|💫|🔮|💘|💖|💜|💙|💚|🧡|💛|🤍|🖤|❤️?|♥️?)/u;

/**
 * Model ids that name an AI wherever they stand: `gpt-5.2-codex`, `claude-opus-4-6`,
 * `qwen3.7-max`, `glm-5`, `o3-mini`, `deepseek-v3`, `kimi-k2`, `grok-4`.
 */
export const MODEL_TOKEN =
  /(?:^|[\s:(\[,/-])(claude-[a-z0-9][\w.-]*|chatgpt[\w.-]*|gpt-?\d[\w.-]*|gpt-oss[\w.-]*|gemini-\d[\w.-]*|gemma-?\d[\w.-]*|llama-?\d[\w.-]*|codellama[\w.-]*|qwen\d[\w.-]*|qwen-(?:coder|max|plus|turbo)[\w.-]*|qwq[\w.-]*|deepseek-[\w.-]+|codestral[\w.-]*|devstral[\w.-]*|mistral-(?:large|medium|small)[\w.-]*|grok-?\d[\w.-]*|glm-?\d[\w.-]*|kimi-k\d[\w.-]*|minimax-m\d[\w.-]*|o[134]-(?:mini|pro|preview)[\w.-]*|llms?)(?=$|[\s:),\]/;.])/i;

/**
 * Words that mark automation which is not AI: release, dependency, formatting, translation,
 * CI and mirroring bots. Checked on `[bot]` logins, identity names and addresses before any
 * AI word, so that `gemini-cli-robot` or `release-agent` stay automation.
 */
export const AUTOMATION_WORDS: ReadonlySet<string> = new Set([
  "dependabot", "renovate", "renovatebot", "greenkeeper", "snyk", "pre-commit", "precommit",
  "release", "releases", "releaser", "release-please", "semantic-release", "changeset",
  "changesets", "deploy", "deployer", "deployment", "publish", "publisher", "format",
  "formatter", "lint", "linter", "prettier", "stale", "backport", "mergify", "kodiak",
  "imgbot", "allcontributors", "all-contributors", "codecov", "netlify", "vercel", "sonar",
  "sonarcloud", "sonarqube", "stainless", "copybara", "sync", "mirror", "bump", "version",
  "versions", "changelog", "translation", "translations", "weblate", "crowdin", "transifex",
  "robot", "jenkins", "buildkite", "teamcity", "travis", "circleci", "gitlab-runner",
  "build", "builder", "pipeline", "pipelines", "excavator", "policy", "license", "cla",
  "whitesource", "mend", "scorecard", "stepsecurity", "autoupdate", "updater", "update",
  "docs-sync", "gitbook", "readthedocs",
]);

/**
 * Hosts whose machine addresses stand in for people: the web-flow committer, per-user
 * no-reply forwarders, translation platforms, CI services, placeholders. An address here is
 * never a structural sign of AI (catalogued identities such as `Copilot <copilot@github.com>`
 * are exact matches and still count).
 */
export const PEOPLE_PROXY_DOMAINS: readonly string[] = [
  "github.com", "githubusercontent.com", "gitlab.com", "bitbucket.org", "atlassian.com",
  "gitee.com", "codeberg.org", "sr.ht", "sourcehut.org", "launchpad.net", "sourceforge.net",
  "weblate.org", "crowdin.com", "transifex.com", "lokalise.com", "phrase.com", "pontoon.mozilla.org",
  "gitbook.com", "gitbook.io", "readthedocs.org", "snyk.io", "stepsecurity.io", "mend.io",
  "whitesourcesoftware.com", "renovatebot.com", "dependabot.com", "travis-ci.org", "travis-ci.com",
  "circleci.com", "netlify.com", "vercel.com", "azure.com", "dev.azure.com", "visualstudio.com",
  "googlegroups.com", "googlesource.com", "kernel.org", "gerrit", "example.com", "example.org",
  "example.net", "localhost", "local", "localdomain", "invalid", "test", "none", "nowhere",
];

/** Local parts that say "nobody reads this mailbox". */
export const NO_REPLY_LOCAL = /^(?:no-?reply|no_reply|do-?not-?reply|do_not_reply|donotreply)(?:[+._-].*)?$/i;

/** Local parts of an agent's own mailbox: `agent@`, `oz-agent@`, `cursoragent@`, `clio-agent@`. */
export const AGENT_LOCAL = /^(?:[a-z0-9]+[._-]?)?agent$/i;

/**
 * Mailbox providers of people: an address there is a person's own, whatever its local part
 * ("secretagent@gmail.com"), unless the name itself says agent or AI.
 */
export const PERSONAL_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
  "ymail.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me", "qq.com",
  "163.com", "126.com", "foxmail.com", "yandex.ru", "yandex.com", "mail.ru", "gmx.de", "gmx.net",
  "gmx.com", "web.de", "aol.com", "zoho.com", "fastmail.com", "fastmail.fm", "hey.com", "tutanota.com",
  "naver.com", "daum.net", "seznam.cz", "free.fr", "orange.fr", "laposte.net", "libero.it",
]);
