/** Parses `git log -z --format=LOG_FORMAT` into commits (pure). */

/** NUL-separated fields; with -z git also ends every commit with a NUL. Commit messages
 * cannot contain NUL, so the split is unambiguous whatever the message says. */
export const LOG_FORMAT = "--format=%H%x00%P%x00%an%x00%ae%x00%cn%x00%ce%x00%B";
const FIELDS = 7;

export interface LoggedCommit {
  sha: string;
  parents: string[];
  author: { name: string; email: string };
  committer: { name: string; email: string };
  /** Exact message (CR kept). */
  message: string;
}

export function parseGitLog(output: string): LoggedCommit[] | { error: string } {
  const fields = output.split("\0");
  // The NUL that ends the last commit leaves one empty trailing field.
  if (fields[fields.length - 1] === "") fields.pop();
  if (fields.length % FIELDS !== 0) return { error: `unexpected git log output (${fields.length} fields)` };
  const commits: LoggedCommit[] = [];
  for (let i = 0; i < fields.length; i += FIELDS) {
    const [sha, parents, authorName, authorEmail, committerName, committerEmail, message] = fields.slice(i, i + FIELDS);
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) return { error: `unexpected git log output (not a commit id: '${sha.slice(0, 80)}')` };
    commits.push({
      sha,
      parents: parents === "" ? [] : parents.split(" "),
      author: { name: authorName, email: authorEmail },
      committer: { name: committerName, email: committerEmail },
      message,
    });
  }
  return commits;
}
