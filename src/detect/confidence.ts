/**
 * How sure a signal is: `declared` (a trailer, footer, label or branch says so), `identity`
 * (a known or structurally recognised agent account or address), `inferred` (a structural
 * guess, such as an unknown no-reply co-author). `detection.count` picks which ones count.
 */
export type Confidence = "declared" | "identity" | "inferred";

export const CONFIDENCES: readonly Confidence[] = ["declared", "identity", "inferred"];
