/** Command-line options of `npm run bench` (pure). */

export interface BenchArgs {
  runs: number;
  quick: boolean;
  /** Write docs/benchmarks.md (not for --quick runs, whose workload is not the issue's). */
  write: boolean;
  /** Only the figures whose name contains this text (`--only deployment`); such a run never writes the page. */
  only?: string;
}

/** Parses `--runs N`, `--quick`, `--only TEXT` and `--no-write`; throws on anything else. */
export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { runs: 3, quick: false, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--no-write') args.write = false;
    else if (a === '--runs' || a.startsWith('--runs=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--runs wants a positive integer, got ${v ?? 'nothing'}`);
      args.runs = n;
    } else if (a === '--only' || a.startsWith('--only=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new Error('--only wants part of a figure name');
      args.only = v;
    } else throw new Error(`unknown option ${a} (options: --runs N, --quick, --only TEXT, --no-write)`);
  }
  // The page holds every figure of one full run; a partial or quick run would mislead.
  if (args.quick || args.only) args.write = false;
  return args;
}
