/**
 * Write the `agent-governance` check run on a head commit.
 *
 * Steady state is one request: a memo (repo@sha → run id, output hash; in this process, or in
 * Redis when replicas share work — SharedCheckRunMemo) lets an
 * update go straight to PATCH, and skips the write entirely when the rendered output has
 * not changed. On a memo miss (a new head, a restart, another replica wrote first) the facts
 * read usually already said whether the app has a run on the SHA (`ownCheckRun`): then it is
 * PATCHed or a run is POSTed straight away, one request. Without that the run is looked up
 * once; if it already shows this output, nothing is written; if the lookup fails (GitHub
 * cannot be read), a run is created anyway.
 *
 * GitHub appends annotations on every update and cannot delete them, so each annotation is
 * sent once per run (the memo remembers which were sent); at most 50 go in one request.
 * A completed run cannot go back to in_progress, so that transition creates a new run
 * (`filter=latest` and required checks then see the new one).
 */
import { createHash } from "node:crypto";
import { CHECK_NAME } from "./check-name.js";
import { httpStatus, type GitHubClient } from "./client.js";
import type { OwnCheckRun } from "./facts-from-graphql.js";
import type { Annotation, CheckRunOutput } from "../check-run-output.js";

export type { Annotation, CheckRunOutput };

export { CHECK_NAME };

export const RE_EVALUATE_ACTION = {
  label: "Re-evaluate",
  identifier: "re-evaluate",
  description: "Evaluate this pull request again",
} as const;

/** GitHub's limits: 65 535 characters of summary/text, 50 annotations per request. */
const MAX_TEXT = 65_535;
const ANNOTATIONS_PER_REQUEST = 50;

export interface CheckRunTarget {
  owner: string;
  repo: string;
  headSha: string;
  detailsUrl?: string;
  /** This app's id: only its own runs are looked up and updated. */
  appId?: number;
  /**
   * What the facts read saw of this app's run on headSha: null = none, so a memo miss POSTs
   * without a lookup; a run = PATCH it without a lookup; undefined = unknown, look it up.
   */
  ownCheckRun?: OwnCheckRun | null;
}

export interface CheckRunReport {
  checkRunId: number;
  action: "created" | "updated" | "unchanged";
  /** GitHub requests made (0 when the memo proved nothing changed). */
  requests: number;
}

export interface MemoEntry {
  checkRunId: number;
  /** Hash of the last output fully written; "" while a write is incomplete. */
  outputHash: string;
  status: CheckRunOutput["status"];
  /** Annotations already on the run (GitHub keeps them across updates). */
  annotationKeys: Set<string>;
  writtenAt: number;
}

export interface CheckRunMemoOptions {
  maxEntries?: number;
  /** With several replicas another one may have rewritten the run: bound how long the memo is trusted. */
  maxAgeMs?: number;
  now?: () => number;
}

/** Where the memo lives: this process (CheckRunMemo) or Redis, shared by replicas (SharedCheckRunMemo). */
export interface CheckRunMemoStore {
  get(key: string): MemoEntry | undefined | Promise<MemoEntry | undefined>;
  set(key: string, entry: Omit<MemoEntry, "writtenAt">): void | Promise<void>;
  delete(key: string): void | Promise<void>;
  /** Called before a GitHub write: a shared memo must not vouch for an output a writer that
   * dies mid-write may or may not have sent. */
  beginWrite?(key: string): Promise<void>;
  /** Runs `work` with no other write to the same key in between. */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** In-process LRU of what this process last wrote per repo@sha, plus a per-key lock so
 * two evaluations of one commit never race into two created runs. */
export class CheckRunMemo implements CheckRunMemoStore {
  private readonly entries = new Map<string, MemoEntry>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: CheckRunMemoOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? Number.POSITIVE_INFINITY;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): MemoEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.writtenAt > this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: Omit<MemoEntry, "writtenAt">): void {
    this.entries.delete(key);
    this.entries.set(key, { ...entry, writtenAt: this.now() });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    this.locks.set(key, current);
    try {
      return await current;
    } finally {
      if (this.locks.get(key) === current) this.locks.delete(key);
    }
  }
}

function memoKey(target: CheckRunTarget): string {
  return `${target.owner}/${target.repo}@${target.headSha}`.toLowerCase();
}

function clip(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const note = "\n\n… truncated to GitHub's limit.";
  return text.slice(0, MAX_TEXT - note.length) + note;
}

/** GitHub rejects columns on multi-line annotations (422), which would lose the whole write. */
function sanitize(annotation: Annotation): Annotation {
  if (annotation.start_line === annotation.end_line) return annotation;
  const { start_column: _start, end_column: _end, ...lines } = annotation;
  return lines;
}

function annotationKey(a: {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level?: string | null;
  title?: string | null;
  message?: string | null;
}): string {
  return JSON.stringify([a.path, a.start_line, a.end_line, a.annotation_level ?? "", a.title ?? "", a.message ?? ""]);
}

interface Rendered {
  status: CheckRunOutput["status"];
  conclusion?: "success" | "action_required" | "failure";
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
  detailsUrl?: string;
}

function render(output: CheckRunOutput, target: CheckRunTarget): Rendered {
  const rendered: Rendered = {
    status: output.status,
    title: output.title,
    summary: clip(output.summary),
    annotations: output.annotations.map(sanitize),
  };
  // Fail closed: a completed run without a conclusion is a failure, never a pass.
  if (output.status === "completed") rendered.conclusion = output.conclusion ?? "failure";
  if (output.text) rendered.text = clip(output.text);
  if (target.detailsUrl) rendered.detailsUrl = target.detailsUrl;
  return rendered;
}

function hashOf(rendered: Rendered): string {
  return createHash("sha256").update(JSON.stringify(rendered)).digest("hex");
}

function outputBody(rendered: Rendered, annotations: Annotation[]) {
  return {
    title: rendered.title,
    summary: rendered.summary,
    ...(rendered.text !== undefined ? { text: rendered.text } : {}),
    ...(annotations.length > 0 ? { annotations } : {}),
  };
}

function runFields(rendered: Rendered, annotations: Annotation[]) {
  return {
    status: rendered.status,
    ...(rendered.conclusion ? { conclusion: rendered.conclusion } : {}),
    ...(rendered.detailsUrl ? { details_url: rendered.detailsUrl } : {}),
    output: outputBody(rendered, annotations),
    actions: [RE_EVALUATE_ACTION],
  };
}

interface ExistingRun {
  id: number;
  status: string;
  conclusion: string | null;
  details_url?: string | null;
  app?: { id: number } | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
}

class Writer {
  requests = 0;

  constructor(
    private readonly octokit: GitHubClient,
    private readonly target: CheckRunTarget,
  ) {}

  async findExisting(): Promise<ExistingRun | null> {
    this.requests += 1;
    const response = await this.octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      owner: this.target.owner,
      repo: this.target.repo,
      ref: this.target.headSha,
      check_name: CHECK_NAME,
      filter: "latest",
      per_page: 100,
      ...(this.target.appId !== undefined ? { app_id: this.target.appId } : {}),
    });
    const runs = (response.data.check_runs as unknown as ExistingRun[])
      .filter((run) => this.target.appId === undefined || run.app?.id === this.target.appId)
      .sort((a, b) => b.id - a.id);
    return runs[0] ?? null;
  }

  /**
   * When GitHub cannot even be read, the run is created anyway: a PR must never be left
   * without a blocking check, and a second run of the same name is harmless (GitHub and
   * required checks see the newest).
   */
  async findExistingOrNone(): Promise<ExistingRun | null> {
    try {
      return await this.findExisting();
    } catch {
      return null;
    }
  }

  async existingAnnotationKeys(checkRunId: number): Promise<Set<string>> {
    const keys = new Set<string>();
    for (let page = 1; ; page += 1) {
      this.requests += 1;
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations", {
        owner: this.target.owner,
        repo: this.target.repo,
        check_run_id: checkRunId,
        per_page: 100,
        page,
      });
      for (const annotation of response.data) keys.add(annotationKey(annotation));
      if (response.data.length < 100) return keys;
    }
  }

  async create(rendered: Rendered, annotations: Annotation[]): Promise<number> {
    this.requests += 1;
    const response = await this.octokit.request("POST /repos/{owner}/{repo}/check-runs", {
      owner: this.target.owner,
      repo: this.target.repo,
      name: CHECK_NAME,
      head_sha: this.target.headSha,
      ...runFields(rendered, annotations),
    });
    return Number(response.data.id);
  }

  async update(checkRunId: number, rendered: Rendered, annotations: Annotation[]): Promise<void> {
    this.requests += 1;
    await this.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner: this.target.owner,
      repo: this.target.repo,
      check_run_id: checkRunId,
      ...runFields(rendered, annotations),
    });
  }

  /** Further batches of 50: output only, so status and conclusion are not touched again. */
  async appendAnnotations(checkRunId: number, rendered: Rendered, annotations: Annotation[]): Promise<void> {
    this.requests += 1;
    await this.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner: this.target.owner,
      repo: this.target.repo,
      check_run_id: checkRunId,
      output: outputBody(rendered, annotations),
    });
  }
}

function shows(existing: ExistingRun, rendered: Rendered): boolean {
  return (
    existing.status === rendered.status &&
    (rendered.conclusion === undefined || existing.conclusion === rendered.conclusion) &&
    existing.output.title === rendered.title &&
    existing.output.summary === rendered.summary &&
    (existing.output.text ?? "") === (rendered.text ?? "") &&
    existing.output.annotations_count === rendered.annotations.length &&
    (rendered.detailsUrl === undefined || existing.details_url === rendered.detailsUrl)
  );
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function reportCheckRun(
  octokit: GitHubClient,
  target: CheckRunTarget,
  output: CheckRunOutput,
  memo: CheckRunMemoStore,
): Promise<CheckRunReport> {
  const key = memoKey(target);
  const rendered = render(output, target);
  return memo.exclusive(key, () => write(new Writer(octokit, target), key, rendered, memo, target.ownCheckRun));
}

async function write(
  writer: Writer,
  key: string,
  rendered: Rendered,
  memo: CheckRunMemoStore,
  seen: OwnCheckRun | null | undefined,
  retried = false,
): Promise<CheckRunReport> {
  const outputHash = hashOf(rendered);
  let known = await memo.get(key);
  if (known?.outputHash === outputHash) {
    return { checkRunId: known.checkRunId, action: "unchanged", requests: writer.requests };
  }
  // The memo is checked first (under the per-commit lock): a run written since the facts were
  // read is found there, so two evaluations of one commit never both create.
  if (!known && seen) {
    // Without the run's output we cannot prove it unchanged: it is written once.
    const status = seen.status === "completed" ? "completed" : "in_progress";
    const reopen = status === "completed" && rendered.status === "in_progress";
    const annotationKeys =
      !reopen && rendered.annotations.length > 0 ? await writer.existingAnnotationKeys(seen.id) : new Set<string>();
    known = { checkRunId: seen.id, outputHash: "", status, annotationKeys, writtenAt: 0 };
  } else if (!known && seen === undefined) {
    const existing = await writer.findExistingOrNone();
    if (existing && shows(existing, rendered)) {
      const annotationKeys = new Set(rendered.annotations.map(annotationKey));
      await memo.set(key, { checkRunId: existing.id, outputHash, status: rendered.status, annotationKeys });
      return { checkRunId: existing.id, action: "unchanged", requests: writer.requests };
    }
    if (existing) {
      const annotationKeys =
        existing.output.annotations_count > 0 ? await writer.existingAnnotationKeys(existing.id) : new Set<string>();
      const status = existing.status === "completed" ? "completed" : "in_progress";
      known = { checkRunId: existing.id, outputHash: "", status, annotationKeys, writtenAt: 0 };
    }
  }

  const reopen = known?.status === "completed" && rendered.status === "in_progress";
  const sent = known && !reopen ? new Set(known.annotationKeys) : new Set<string>();
  const pending = rendered.annotations.filter((annotation) => !sent.has(annotationKey(annotation)));
  const [first = [], ...rest] = batches(pending, ANNOTATIONS_PER_REQUEST);

  let checkRunId: number;
  let action: CheckRunReport["action"];
  await memo.beginWrite?.(key);
  if (known && !reopen) {
    checkRunId = known.checkRunId;
    action = "updated";
    try {
      await writer.update(checkRunId, rendered, first);
    } catch (error) {
      // The run was deleted behind our back: forget it and look again (then create).
      if (httpStatus(error) !== 404 || retried) throw error;
      await memo.delete(key);
      return write(writer, key, rendered, memo, undefined, true);
    }
  } else {
    checkRunId = await writer.create(rendered, first);
    action = "created";
  }
  for (const annotation of first) sent.add(annotationKey(annotation));
  const remember = (complete: boolean) =>
    memo.set(key, { checkRunId, outputHash: complete ? outputHash : "", status: rendered.status, annotationKeys: new Set(sent) });
  await remember(rest.length === 0);

  for (const [index, batch] of rest.entries()) {
    await writer.appendAnnotations(checkRunId, rendered, batch);
    for (const annotation of batch) sent.add(annotationKey(annotation));
    await remember(index === rest.length - 1);
  }
  return { checkRunId, action, requests: writer.requests };
}

/**
 * The app's error path (it fails closed): a blocking check that says what failed,
 * e.g. `reportFailure(octokit, target, { title: "Could not read the pull request from GitHub", summary })`.
 */
export async function reportFailure(
  octokit: GitHubClient,
  target: CheckRunTarget,
  failure: { title: string; summary: string },
  memo: CheckRunMemoStore,
): Promise<CheckRunReport> {
  return reportCheckRun(
    octokit,
    target,
    { status: "completed", conclusion: "failure", title: failure.title, summary: failure.summary, annotations: [] },
    memo,
  );
}
