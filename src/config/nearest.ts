/**
 * "Did you mean …?" for misspelt keys and values: the closest candidate by optimal string
 * alignment distance (Levenshtein plus adjacent transpositions), offered only when close
 * enough that the suggestion is likely what the user meant.
 */

/** Edit distance where swapping two adjacent characters costs 1 (`tiers` ↔ `tiesr`). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/** Case and `-`/`_`/space differences are not spelling mistakes: `Max-Changed-Lines` is `max_changed_lines`. */
function canonical(word: string): string {
  return word.toLowerCase().replace(/[-\s]/g, "_");
}

/** The candidate the user most likely meant, or undefined when none is close. */
export function nearestName(word: string, candidates: readonly string[]): string | undefined {
  const typed = canonical(word);
  // One edit in a short word, up to a third of the letters in a longer one.
  const tolerance = Math.max(1, Math.floor(typed.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(typed, canonical(name));
    if (distance <= tolerance && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
