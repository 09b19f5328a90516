/**
 * An elastic-tabstop writer with the exact behaviour of Go's text/tabwriter and of
 * github.com/liggitt/tabwriter (its fork with RememberWidths), which kubectl uses for
 * every table and for describe. Written by hand because no JS library reproduces Go's
 * column-block algorithm (cells are tab-terminated, a column is a run of contiguous
 * lines that have a cell in it, a line with a single cell flushes the buffer), and
 * kubectl's output alignment depends on exactly those rules.
 */

/** Where text goes; the command's stdout, a string buffer, or another writer. */
export interface TextSink {
  write(text: string): void;
}

/** The knobs of tabwriter.NewWriter. */
export interface TabWriterOptions {
  /** Minimal cell width including any padding. */
  minWidth: number;
  /** Width of a tab character (only matters for tab padding, kept for fidelity). */
  tabWidth: number;
  /** Padding added to a cell before computing its width. */
  padding: number;
  /** liggitt/tabwriter's RememberWidths: column widths never shrink across flushes. */
  rememberWidths?: boolean;
  /** Padding character; kubectl always uses a space (Go's tests use others to make padding visible). */
  padChar?: string;
}

/** kubectl's table writer: cli-runtime printers.GetNewTabWriter (6, 4, 3, ' ', RememberWidths). */
export const KUBECTL_TABLE_OPTIONS: TabWriterOptions = { minWidth: 6, tabWidth: 4, padding: 3, rememberWidths: true };

/** kubectl describe's writer: tabwriter.Init(buf, 0, 8, 2, ' ', 0). */
export const DESCRIBE_OPTIONS: TabWriterOptions = { minWidth: 0, tabWidth: 8, padding: 2 };

interface Cell {
  text: string;
  /** Width in runes (code points), as Go counts it. */
  width: number;
  /** True when terminated by a horizontal tab. */
  htab: boolean;
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A Go tabwriter: write() buffers cells, flush() formats and emits them to the sink. */
export class TabWriter implements TextSink {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxWidths: number[] = [];
  private output = '';

  constructor(
    private readonly sink: TextSink,
    private readonly opts: TabWriterOptions,
  ) {}

  /** Splits text into cells; a newline ending a single-cell line (or a formfeed) flushes, as in Go. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats everything buffered and writes it to the sink. */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    const out = this.output;
    this.lines = [[]];
    this.cell = '';
    this.widths = [];
    this.output = '';
    if (out.length > 0) this.sink.write(out);
  }

  /** Forgets remembered column widths (kubectl does this when a new resource type starts). */
  resetRememberedWidths(): void {
    this.maxWidths = [];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  private pad(textWidth: number, cellWidth: number): void {
    if (cellWidth > textWidth) this.output += (this.opts.padChar ?? ' ').repeat(cellWidth - textWidth);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        if (c.text.length > 0) this.output += c.text;
        if (j < this.widths.length) this.pad(c.width, this.widths[j]);
      });
      // The last buffered line has no newline yet (its incomplete cell was folded in by flush).
      if (i + 1 < this.lines.length) this.output += '\n';
    }
  }

  /** Go's recursive column-block formatter: widths of columns to the left are on this.widths. */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      this.writeLines(line0, cur);
      line0 = cur;
      let width = this.opts.minWidth;
      for (; cur < line1; cur++) {
        const line = this.lines[cur];
        if (column >= line.length - 1) break;
        const w = line[column].width + this.opts.padding;
        if (w > width) width = w;
      }
      width = this.remember(width);
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }

  private remember(width: number): number {
    if (!this.opts.rememberWidths) return width;
    const col = this.widths.length;
    if (this.maxWidths.length < col) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
    if (this.maxWidths.length === col) {
      this.maxWidths.push(width);
      return width;
    }
    if (this.maxWidths[col] > width) return this.maxWidths[col];
    this.maxWidths[col] = width;
    return width;
  }
}

/** A sink that collects text into a string (tests, describe's tabbedString). */
export class StringSink implements TextSink {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}
