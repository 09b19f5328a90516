/** Checking `get pods` output (pure), so the latency figure never times an error path or an empty list. */

/**
 * The pods of `expected` that a `get pods` table does not list as Running.
 * The table is kubectl's (NAME READY STATUS RESTARTS AGE), which mk prints
 * too; columns are separated by runs of spaces and names hold none.
 */
export function podsNotListedRunning(output: string, expected: readonly string[]): string[] {
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0]?.trim().split(/\s+/) ?? [];
  const name = header.indexOf('NAME');
  const status = header.indexOf('STATUS');
  if (name < 0 || status < 0) return [...expected];
  const running = new Set<string>();
  for (const line of lines.slice(1)) {
    const cells = line.trim().split(/\s+/);
    if (cells[status] === 'Running') running.add(cells[name]);
  }
  return expected.filter((n) => !running.has(n));
}
