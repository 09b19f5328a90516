/**
 * The benchmark run: each figure several times, median and spread against its
 * budget, the table with the machine in docs/benchmarks.md; the exit code is 1
 * when a median misses its budget by more than the spread. A figure that
 * cannot run here (FigureSkipped: a missing etcd) is listed as skipped; one
 * whose run fails is listed with its error, counts as a miss, and the other
 * figures still run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './args';
import { spliceGenerated } from './docs-page';
import { FigureSkipped, type Figure, type FigureContext, type FigureSample } from './figure';
import { describeMachine } from './machine';
import { formatLines, formatMarkdown, type FigureResult } from './report';
import { summarize, verdict } from './stats';

async function run(figures: Figure[], argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const root = process.env.MK_BENCH_ROOT ?? process.cwd();
  const ctx: FigureContext = { quick: args.quick, progress: (m) => process.stderr.write(`  … ${m}\n`) };
  const results: FigureResult[] = [];
  const unmeasured: string[] = [];
  let failed = false;
  const selected = figures.filter((f) => !args.only || f.name.includes(args.only!));
  if (selected.length === 0) throw new Error(`no figure matches --only ${args.only}`);
  for (const figure of selected) {
    const samples: FigureSample[] = [];
    const runs = Math.min(args.runs, figure.maxRuns ?? args.runs);
    try {
      for (let run = 1; run <= runs; run++) {
        process.stderr.write(`${figure.name}: run ${run}/${runs}\n`);
        samples.push(await figure.run(ctx));
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof FigureSkipped) unmeasured.push(`${figure.name}: skipped, ${message}`);
      else {
        failed = true;
        unmeasured.push(`${figure.name} (${figure.workload(ctx)}): FAILED, ${message}`);
        process.stderr.write(`${figure.name} failed: ${err instanceof Error ? err.stack : message}\n`);
      }
      continue;
    }
    const summary = summarize(samples.map((s) => s.value));
    const labels = samples[0].anchors.map((a) => a.label);
    results.push({
      name: figure.name,
      workload: figure.workload(ctx),
      unit: figure.unit,
      budget: figure.budget,
      summary,
      verdict: verdict(summary, figure.budget),
      runs,
      anchors: labels.map((label) => {
        const first = samples[0].anchors.find((a) => a.label === label)!;
        const anchorSummary = summarize(samples.map((s) => s.anchors.find((a) => a.label === label)!.value));
        return { label, unit: first.unit, summary: anchorSummary, budget: first.budget, verdict: first.budget && verdict(anchorSummary, first.budget) };
      }),
    });
  }
  for (const line of [...formatLines(results), ...unmeasured]) console.log(line);
  if (args.write) {
    const page = join(root, 'docs', 'benchmarks.md');
    const existing = existsSync(page) ? readFileSync(page, 'utf8') : undefined;
    const command = `npm run bench${args.runs === 3 ? '' : ` -- --runs ${args.runs}`}`;
    writeFileSync(page, spliceGenerated(existing, formatMarkdown(results, describeMachine(new Date()), args.runs, command, unmeasured)));
    console.log(`wrote ${page}`);
  }
  return failed || results.some((r) => r.verdict === 'fail' || r.anchors.some((a) => a.verdict === 'fail')) ? 1 : 0;
}

/** Runs the figures with the command line's options and exits the process with the verdict. */
export function runBench(figures: Figure[], argv = process.argv.slice(2)): void {
  run(figures, argv).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.stack ?? err.message : err);
      process.exit(2);
    },
  );
}
