// Bundles the CLI and the daemon into dist/ with esbuild, each one file with
// every JavaScript dependency inside: Node then reads and compiles one file
// instead of resolving and loading a few hundred modules, which was a third
// of a command's start (docs/benchmarks.md). Only native code stays
// external: better-sqlite3 loads its addon from node_modules, and ws's
// optional native helpers are looked up there at run time.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const external = ['better-sqlite3', 'bufferutil', 'utf-8-validate'];

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);" },
};

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'packages/cli/src/main.ts')], outfile: join(root, 'dist/mk.js') }),
  build({ ...common, entryPoints: [join(root, 'packages/daemon/src/main.ts')], outfile: join(root, 'dist/daemon.js') }),
]);
chmodSync(join(root, 'bin/mk.js'), 0o755);
