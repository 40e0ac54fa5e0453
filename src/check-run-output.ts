/**
 * The check run's content in the shape GitHub's REST API takes: `report/` renders it from a
 * decision and `github/` writes it, so the one definition sits beside both.
 */
/** A check-run annotation as GitHub's REST API takes it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "failure" | "warning" | "notice";
  title?: string;
  message: string;
}

/** The check run's content as GitHub's REST API takes it (report/ renders one from a decision). */
export interface CheckRunOutput {
  status: "in_progress" | "completed";
  conclusion?: "success" | "action_required" | "failure";
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
}
