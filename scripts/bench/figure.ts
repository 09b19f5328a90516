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
  run(ctx: FigureContext): Promise<FigureSample>;
}
