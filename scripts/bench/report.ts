/** Formats benchmark results for the terminal and for docs/benchmarks.md (pure). */
import type { Budget } from './figure';
import type { Summary, Verdict } from './stats';

/** A summarised secondary number of a figure. */
export interface AnchorResult {
  label: string;
  unit: string;
  summary: Summary;
  /** Present when the anchor is a second bound of the figure. */
  budget?: Budget;
  verdict?: Verdict;
}

/** A figure's summarised runs and verdict. */
export interface FigureResult {
  name: string;
  workload: string;
  unit: string;
  budget: Budget;
  summary: Summary;
  verdict: Verdict;
  anchors: AnchorResult[];
  /** How many runs were summarised (a figure may cap `--runs`). */
  runs: number;
}

/** The machine the figures were measured on. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  platform: string;
  date: string;
}

const VERDICT_TEXT: Record<Verdict, string> = { pass: 'ok', noise: 'within noise', fail: 'MISSED' };

/** A number rounded for reading: integers above 100, three significant digits below. */
export function formatNumber(n: number): string {
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  return Number(n.toPrecision(3)).toString();
}

/** `≥ 1,000 pods/s` or `≤ 50 ms`. */
export function formatBudget(budget: Budget, unit: string): string {
  return 'atLeast' in budget ? `≥ ${formatNumber(budget.atLeast)} ${unit}` : `≤ ${formatNumber(budget.atMost)} ${unit}`;
}

function formatSummary(s: Summary, unit: string): { median: string; spread: string } {
  return { median: `${formatNumber(s.median)}${unit ? ` ${unit}` : ''}`, spread: `${formatNumber(s.min)}–${formatNumber(s.max)}` };
}

/** One line per figure, then one indented line per anchor. */
export function formatLines(results: FigureResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const f = formatSummary(r.summary, r.unit);
    const over = r.runs === 1 ? 'one run' : `over ${r.runs} runs`;
    lines.push(`${r.name} (${r.workload}): median ${f.median} (${f.spread} ${over}), budget ${formatBudget(r.budget, r.unit)}: ${VERDICT_TEXT[r.verdict]}`);
    for (const a of r.anchors) {
      const af = formatSummary(a.summary, a.unit);
      const bound = a.budget && a.verdict ? `, budget ${formatBudget(a.budget, a.unit)}: ${VERDICT_TEXT[a.verdict]}` : '';
      lines.push(`  ${a.label}: median ${af.median} (${af.spread})${bound}`);
    }
  }
  return lines;
}

/** The markdown page: machine, then the table of figures and anchors. */
export function formatMarkdown(results: FigureResult[], machine: MachineInfo, runs: number, command: string, unmeasured: string[] = []): string {
  const rows = results.flatMap((r) => {
    const f = formatSummary(r.summary, r.unit);
    return [
      `| ${r.name} | ${r.workload}${r.runs === 1 && runs !== 1 ? ' (one run)' : ''} | ${f.median} | ${f.spread} | ${formatBudget(r.budget, r.unit)} | ${VERDICT_TEXT[r.verdict]} |`,
      ...r.anchors.map((a) => {
        const af = formatSummary(a.summary, a.unit);
        const bound = a.budget && a.verdict ? `${formatBudget(a.budget, a.unit)} | ${VERDICT_TEXT[a.verdict]}` : '|';
        return `| ↳ ${a.label} | | ${af.median} | ${af.spread} | ${bound} |`;
      }),
    ];
  });
  return [
    '# Benchmarks',
    '',
    `Measured by \`${command}\` (${runs} runs per figure unless the workload says one run; spread = min–max). A figure fails only when its`,
    'median misses the budget by more than its spread. Speeds are also given as a ratio to an anchor measured',
    'in the same run, since these machines are noisy.',
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} memory, ${machine.platform}, Node ${machine.node}, ${machine.date}.`,
    '',
    '| figure | workload | median | spread | budget | verdict |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    ...(unmeasured.length ? [...unmeasured.map((line) => `- ${line}`), ''] : []),
  ].join('\n');
}
