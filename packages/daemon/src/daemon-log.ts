/** The daemon's log: timestamped lines appended to daemon.log, optionally echoed (mk server shows them). */
import { createWriteStream, type WriteStream } from 'node:fs';

/** A line logger. */
export interface DaemonLog {
  info(message: string): void;
  close(): Promise<void>;
}

/** openDaemonLog appends to `path` (0600); `echo` also receives every line. */
export function openDaemonLog(path: string, now: () => Date, echo?: (line: string) => void): DaemonLog {
  const stream: WriteStream = createWriteStream(path, { flags: 'a', mode: 0o600 });
  return {
    info(message) {
      const line = `${now().toISOString()} ${message}\n`;
      stream.write(line);
      echo?.(line);
    },
    close() {
      return new Promise((resolve) => stream.end(resolve));
    },
  };
}
