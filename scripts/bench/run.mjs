// `npm run bench`: bundles scripts/bench/main.ts as scripts/build.mjs bundles
// the daemon (workspace @mk/* inlined, third-party packages external so
// native modules load from node_modules) into a temporary file under
// node_modules/.cache, so bare imports still resolve, then runs it with the
// given arguments. `--cpu-prof` is passed to node, not to the benchmark.
// `--figure FILE` runs the figures FILE exports instead of the registry's
// (for writing a new figure before it is registered).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const external = new Set();
for (const dir of readdirSync(join(root, 'packages'))) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) if (!dep.startsWith('@mk/')) external.add(dep);
}

const outDir = join(root, 'node_modules', '.cache', 'mk-bench');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `main-${process.pid}.mjs`);
const argv = process.argv.slice(2);
const nodeFlags = argv.filter((a) => a.startsWith('--cpu-prof'));
let benchArgs = argv.filter((a) => !a.startsWith('--cpu-prof'));
const figureAt = benchArgs.indexOf('--figure');
let entry = { entryPoints: [join(root, 'scripts/bench/main.ts')] };
if (figureAt >= 0) {
  const file = benchArgs[figureAt + 1];
  if (!file) throw new Error('--figure wants the path of a figure file');
  // A figure outside the registry is never written to the docs page.
  benchArgs = [...benchArgs.filter((_, i) => i !== figureAt && i !== figureAt + 1 && benchArgs[i] !== '--no-write'), '--no-write'];
  const contents = [
    `import { runBench } from ${JSON.stringify(join(root, 'scripts/bench/bench.ts'))};`,
    `import * as m from ${JSON.stringify(resolve(file))};`,
    "runBench(Object.values(m).filter((f) => f && typeof f.run === 'function' && typeof f.name === 'string'));",
  ].join('\n');
  entry = { stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'figure-entry.ts' } };
}

// The figures run the CLI and daemon bundles in dist/: build them from the sources being measured.
const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
if (built.status !== 0) process.exit(built.status ?? 2);

let status = 2;
try {
  await build({
    ...entry,
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    external: [...external].flatMap((d) => [d, `${d}/*`]),
    logLevel: 'warning',
    banner: { js: "import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);" },
  });
  const child = spawnSync(process.execPath, ['--enable-source-maps', ...nodeFlags, outfile, ...benchArgs], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, MK_BENCH_ROOT: root },
  });
  status = child.status ?? 2;
} finally {
  rmSync(outfile, { force: true });
}
process.exit(status);
