import type { PolicyError } from "../config/policy.js";
import type { PolicyAnnotation } from "./decision.js";

/**
 * Policy errors as annotations on the policy file. Errors about a file outside this
 * repository (the organisation default, "acme/.github:.agent-governance.yml") cannot be
 * annotated here; they stay in the summary.
 */
export function policyAnnotations(errors: readonly PolicyError[], about: PolicyAnnotation["about"]): PolicyAnnotation[] {
  return errors
    .filter((error) => error.file !== "" && !error.file.includes(":"))
    .map((error) => {
      const line = Math.max(1, error.line);
      const annotation: PolicyAnnotation = {
        about,
        path: error.file,
        start_line: line,
        end_line: line,
        message: error.message,
      };
      if (error.line >= 1 && error.column >= 1) {
        annotation.start_column = error.column;
        annotation.end_column = error.column;
      }
      return annotation;
    });
}
