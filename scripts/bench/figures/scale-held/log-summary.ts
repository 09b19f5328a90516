/**
 * A failing scale run leaves tens of thousands of daemon log lines that say
 * the same few things about different nodes and pods; this folds them into
 * counts per kind of message (pure), so the failure report shows what went
 * wrong instead of the last twenty repeats of one line.
 */

/** Replaces what varies between repeats of one message (time, node, pod, object names, paths) with `…`. */
export function messageKind(line: string): string {
  return line
    .replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z /, '')
    .replace(/^node [^:\s]+: /, 'node …: ')
    .replace(/\b(pod|event|lease|node) [\w.-]+\/[\w.-]+/g, '$1 …')
    .replace(/\b(event) [\w.-]+/g, '$1 …')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/(^|\s)\/[^\s:]+/g, '$1…');
}

/** The `limit` most frequent kinds of message, most frequent first, as `count × message`. */
export function summarizeLog(text: string, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const kind = messageKind(line);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([kind, n]) => `${n} × ${kind}`);
}
