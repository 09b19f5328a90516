/**
 * Test support: entry point of a separate process (bundled by the test with
 * esbuild) that increments a counter in a shared database file through its own
 * SqliteStore. Usage: node <bundle> <dbPath> <key> <loops> <perLoop>.
 * Prints {"conflicts": n} on success.
 */
import { openSqliteStore } from '../sqlite-store';
import { runIncrementLoops } from './cas-increment';

async function main(): Promise<void> {
  const [dbPath, key, loops, perLoop] = process.argv.slice(2);
  if (!dbPath || !key || !loops || !perLoop) throw new Error('usage: <dbPath> <key> <loops> <perLoop>');
  const store = openSqliteStore(dbPath);
  try {
    const conflicts = await runIncrementLoops(store, key, Number(loops), Number(perLoop));
    process.stdout.write(JSON.stringify({ conflicts }));
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
