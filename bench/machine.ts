/** The machine a benchmark ran on, as RESULTS.md states it. */
import { cpus, totalmem, release, type } from "node:os";

export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown CPU";
  return `${cores.length} × ${model}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${type()} ${release()}, Node ${process.version}`;
}
