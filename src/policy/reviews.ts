/**
 * Each reviewer's standing review, with GitHub's semantics: only APPROVED,
 * CHANGES_REQUESTED and DISMISSED change it. A later COMMENTED review keeps an earlier
 * approval (or change request), and PENDING reviews are drafts nobody else can see.
 */
import type { Actor, ReviewFacts } from "../facts.js";
import { normalizeLogin } from "../detect/login.js";

export interface StandingReview {
  login: string;
  author: Actor;
  state: "APPROVED" | "CHANGES_REQUESTED" | "DISMISSED";
  commitId: string | null;
  submittedAt: string;
}

function time(review: ReviewFacts): number {
  const parsed = Date.parse(review.submittedAt);
  return Number.isNaN(parsed) ? 0 : parsed;
}

export function standingReviews(reviews: readonly ReviewFacts[]): StandingReview[] {
  // Stable sort: reviews with equal timestamps keep the adapter's (chronological) order.
  const ordered = [...reviews].sort((a, b) => time(a) - time(b));
  const byLogin = new Map<string, StandingReview>();
  for (const review of ordered) {
    if (review.state !== "APPROVED" && review.state !== "CHANGES_REQUESTED" && review.state !== "DISMISSED") continue;
    const login = normalizeLogin(review.author.login);
    byLogin.set(login, {
      login,
      author: review.author,
      state: review.state,
      commitId: review.commitId,
      submittedAt: review.submittedAt,
    });
  }
  return [...byLogin.values()];
}
