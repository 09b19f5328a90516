// Bundles the CLI and the daemon into dist/ with esbuild. Our own workspace
// packages (@mk/*, TypeScript sources) are bundled; third-party packages stay
// external so native modules (better-sqlite3) load from node_modules.
import { build } from 'esbuild';
import { readFileSync, readdirSync, chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const external = new Set();
for (const dir of readdirSync(join(root, 'packages'))) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) if (!dep.startsWith('@mk/')) external.add(dep);
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  external: [...external].flatMap((d) => [d, `${d}/*`]),
  logLevel: 'warning',
  banner: { js: "import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);" },
};

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'packages/cli/src/main.ts')], outfile: join(root, 'dist/mk.js') }),
  build({ ...common, entryPoints: [join(root, 'packages/daemon/src/main.ts')], outfile: join(root, 'dist/daemon.js') }),
]);
chmodSync(join(root, 'bin/mk.js'), 0o755);
