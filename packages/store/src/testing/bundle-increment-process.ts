import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test support: bundles cas-increment-process.ts into outDir so a plain
 * `node` child process can run it (Node 20 cannot load TypeScript). The native
 * better-sqlite3 stays external, imported by absolute path because the bundle
 * lives outside the repository's node_modules.
 */
export async function bundleIncrementProcess(outDir: string): Promise<string> {
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const outfile = join(outDir, 'cas-increment-process.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./cas-increment-process.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    plugins: [
      {
        name: 'external-better-sqlite3',
        setup(builder) {
          builder.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: betterSqlite3, external: true }));
        },
      },
    ],
  });
  return outfile;
}
