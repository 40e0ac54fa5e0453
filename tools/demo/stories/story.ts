/** One of the demo's stories: a title, the situation in a sentence, and the moves. */
import type { Stage } from "../stage.js";

export interface Story {
  title: string;
  premise: string;
  play(stage: Stage): Promise<void>;
}
