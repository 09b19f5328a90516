/** The overview `rollout history` prints: REVISION and CHANGE-CAUSE, aligned as kubectl's tabbedString does. */
import { DESCRIBE_OPTIONS, StringSink, TabWriter } from '../printers/tabwriter';

/** kubectl's message when a workload has no revisions. */
export const NO_HISTORY = 'No rollout history found.';

/** The table of revisions (sorted ascending) and their change causes (`<none>` when empty). */
export function revisionTable(changeCauses: Map<number, string>): string {
  const sink = new StringSink();
  const w = new TabWriter(sink, DESCRIBE_OPTIONS);
  w.write('REVISION\tCHANGE-CAUSE\n');
  for (const revision of [...changeCauses.keys()].sort((a, b) => a - b)) {
    w.write(`${revision}\t${changeCauses.get(revision) || '<none>'}\n`);
  }
  w.flush();
  return sink.text;
}
