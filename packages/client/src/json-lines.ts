/** Splitting a byte stream into newline-delimited JSON values (the watch wire format). */

/** A push parser: feed it chunks, it calls onValue for every complete JSON line. */
export class JsonLineSplitter {
  private readonly decoder = new TextDecoder();
  private buffered = '';

  constructor(private readonly onValue: (value: unknown) => void) {}

  /** push decodes a chunk and emits every complete line in it. */
  push(chunk: Uint8Array): void {
    this.buffered += this.decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = this.buffered.indexOf('\n')) >= 0) {
      const line = this.buffered.slice(0, nl);
      this.buffered = this.buffered.slice(nl + 1);
      this.emit(line);
    }
  }

  /** end emits a final line that was not newline-terminated. */
  end(): void {
    this.buffered += this.decoder.decode();
    const rest = this.buffered;
    this.buffered = '';
    this.emit(rest);
  }

  private emit(line: string): void {
    if (line.trim() === '') return;
    this.onValue(JSON.parse(line));
  }
}
