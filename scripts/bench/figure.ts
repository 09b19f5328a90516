/**
 * The contract of one benchmark figure. Adding a figure = one file under
 * ./figures exporting a Figure, plus one line in ./registry.
 */

/** A speed bound: the median must be at least (throughputs) or at most (latencies) this value. */
export type Budget = { atLeast: number } | { atMost: number };

/** A secondary number measured in the same run, e.g. the anchor a speed is compared with. */
export interface Anchor {
  label: string;
  unit: string;
  value: number;
  /**
   * A second bound of the same figure (e.g. "list 10,000 pods ≤ 300 ms" beside
   * "get p99 ≤ 5 ms"): judged like the figure's own, and the run fails if it fails.
   */
  budget?: Budget;
}

/** What one run of a figure measured. */
export interface FigureSample {
  value: number;
  anchors: Anchor[];
}

/** Options every figure receives. */
export interface FigureContext {
  /** Smaller workload, for a quick look; the default is the workload. */
  quick: boolean;
  /** Progress messages (stderr), so stdout stays the table. */
  progress(message: string): void;
}

/** One benchmark figure. */
export interface Figure {
  /** Short name printed in the table, e.g. `scheduler throughput`. */
  name: string;
  /** Workload in words, e.g. `10,000 pods × 1,000 nodes`. */
  workload(ctx: FigureContext): string;
  unit: string;
  budget: Budget;
  /** At most this many runs whatever `--runs` says, for figures that take minutes (scale, idle). */
  maxRuns?: number;
  run(ctx: FigureContext): Promise<FigureSample>;
}

/** Thrown by a figure that cannot run on this machine (say, etcd is not installed); the run lists it as skipped. */
export class FigureSkipped extends Error {}
