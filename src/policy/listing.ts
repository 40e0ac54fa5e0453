/** "a, b, c and 4 more" for one-line explanations; the full list stays in the result's data. */
export function listed(items: readonly string[], limit = 5): string {
  const shown = items.slice(0, limit).join(", ");
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}
