// `npm run bench`: bundles scripts/bench/main.ts as scripts/build.mjs bundles
// the daemon (workspace @mk/* inlined, third-party packages external so
// native modules load from node_modules) into a temporary file under
// node_modules/.cache, so bare imports still resolve, then runs it with the
// given arguments. `--cpu-prof` is passed to node, not to the benchmark.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

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
const benchArgs = argv.filter((a) => !a.startsWith('--cpu-prof'));

let status = 2;
try {
  await build({
    entryPoints: [join(root, 'scripts/bench/main.ts')],
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
