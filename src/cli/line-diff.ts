/** A line diff (longest common subsequence) for showing a change before it is made. Pure. */
export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  // common[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      lines.push({ kind: "same", text: before[i] });
      i += 1;
      j += 1;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      lines.push({ kind: "removed", text: before[i++] });
    } else {
      lines.push({ kind: "added", text: after[j++] });
    }
  }
  while (i < n) lines.push({ kind: "removed", text: before[i++] });
  while (j < m) lines.push({ kind: "added", text: after[j++] });
  return lines;
}

/** `+ `, `- ` and `  ` prefixed lines, as a unified diff shows them. */
export function renderDiff(lines: readonly DiffLine[]): string {
  const mark = { same: " ", added: "+", removed: "-" } as const;
  return lines.map((line) => `${mark[line.kind]} ${line.text}`).join("\n");
}
