/**
 * kubectl describe's output plumbing: a PrefixWriter that indents two spaces per level and
 * neutralises terminal escapes, over a tabwriter (minwidth 0, tabwidth 8, padding 2) whose
 * text is collected into the describe string (tabbedString).
 */
import { escapeTerminal } from '../printers/printer';
import { DESCRIBE_OPTIONS, StringSink, TabWriter } from '../printers/tabwriter';

/** Indentation levels of describe output. */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** Writes text at an indentation level. */
export class PrefixWriter {
  constructor(private readonly w: TabWriter) {}

  /** Writes `text` (already formatted, tabs separating columns) after 2×level spaces. */
  write(level: number, text: string): void {
    this.w.write(escapeTerminal('  '.repeat(level) + text));
  }

  /** fmt.Sprintln of the values: space-separated, newline-terminated, no indentation. */
  writeLine(...values: string[]): void {
    this.w.write(escapeTerminal(`${values.join(' ')}\n`));
  }

  /** Ends the current column blocks (describe flushes before its Events table). */
  flush(): void {
    this.w.flush();
  }
}

/** Runs a describe body against a fresh writer and returns the aligned text. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const sink = new StringSink();
  const tw = new TabWriter(sink, DESCRIBE_OPTIONS);
  body(new PrefixWriter(tw));
  tw.flush();
  return sink.text;
}
