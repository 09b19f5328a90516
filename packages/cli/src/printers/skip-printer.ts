/**
 * kubectl's skipPrinter for watches: while output is off (the initial list of --watch-only, the
 * synthetic ADDED event of a single-object watch) Tables still pass through without rows, so the
 * table printer learns the columns that later events may omit.
 */
import type { KObject } from '@mk/api';
import { isTable, WatchEventObject, type ResourcePrinter } from './printer';
import type { TextSink } from './tabwriter';

/** Wraps a printer; `output` says whether objects are printed right now. */
export class SkipPrinter implements ResourcePrinter {
  output = true;

  constructor(private readonly delegate: ResourcePrinter) {}

  print(obj: KObject | WatchEventObject, out: TextSink): void {
    if (this.output) return this.delegate.print(obj, out);
    if (obj instanceof WatchEventObject || !isTable(obj)) return;
    this.delegate.print({ ...obj, rows: [] }, out);
  }
}
