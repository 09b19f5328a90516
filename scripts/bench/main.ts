/**
 * `npm run bench`: runs every registered figure several times, prints median
 * and spread against its budget, records the table with the machine in
 * docs/benchmarks.md, and exits 1 when a median misses its budget by more
 * than the spread.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './args';
import { spliceGenerated } from './docs-page';
import type { FigureContext, FigureSample } from './figure';
import { describeMachine } from './machine';
import { figures } from './registry';
import { formatLines, formatMarkdown, type FigureResult } from './report';
import { summarize, verdict } from './stats';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const root = process.env.MK_BENCH_ROOT ?? process.cwd();
  const ctx: FigureContext = { quick: args.quick, progress: (m) => process.stderr.write(`  … ${m}\n`) };
  const results: FigureResult[] = [];
  const selected = figures.filter((f) => !args.only || f.name.includes(args.only!));
  if (selected.length === 0) throw new Error(`no figure matches --only ${args.only}`);
  for (const figure of selected) {
    const samples: FigureSample[] = [];
    for (let run = 1; run <= args.runs; run++) {
      process.stderr.write(`${figure.name}: run ${run}/${args.runs}\n`);
      samples.push(await figure.run(ctx));
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
      anchors: labels.map((label) => {
        const first = samples[0].anchors.find((a) => a.label === label)!;
        return { label, unit: first.unit, summary: summarize(samples.map((s) => s.anchors.find((a) => a.label === label)!.value)) };
      }),
    });
  }
  for (const line of formatLines(results, args.runs)) console.log(line);
  if (args.write) {
    const page = join(root, 'docs', 'benchmarks.md');
    const existing = existsSync(page) ? readFileSync(page, 'utf8') : undefined;
    const command = `npm run bench${args.runs === 3 ? '' : ` -- --runs ${args.runs}`}`;
    writeFileSync(page, spliceGenerated(existing, formatMarkdown(results, describeMachine(new Date()), args.runs, command)));
    console.log(`wrote ${page}`);
  }
  return results.some((r) => r.verdict === 'fail') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.stack ?? err.message : err);
    process.exit(2);
  },
);
