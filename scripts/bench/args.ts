/** Command-line options of `npm run bench` (pure). */

export interface BenchArgs {
  runs: number;
  quick: boolean;
  /** Write docs/benchmarks.md (not for --quick runs, whose workload is not the issue's). */
  write: boolean;
}

/** Parses `--runs N`, `--quick` and `--no-write`; throws on anything else. */
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
    } else throw new Error(`unknown option ${a} (options: --runs N, --quick, --no-write)`);
  }
  if (args.quick) args.write = false;
  return args;
}
