/** The last page number a REST `Link` header announces (pure), for "page 3/12" progress. */
export function lastPage(link: string | undefined, current: number): number | null {
  if (!link) return current === 1 ? 1 : null;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="last"/.exec(part);
    if (!match) continue;
    const page = Number(new URL(match[1], "https://api.github.com").searchParams.get("page"));
    return Number.isSafeInteger(page) && page >= 1 ? page : null;
  }
  // No "last" link: this is the last page.
  return /rel="prev"/.test(link) || current === 1 ? current : null;
}

/** The URL of the next page a REST `Link` header names, or null on the last page. */
export function nextPage(link: string | undefined): string | null {
  return /<([^>]+)>\s*;\s*rel="next"/.exec(link ?? "")?.[1] ?? null;
}
