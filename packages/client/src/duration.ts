/** Go duration strings ("1m30s", "500ms"), which kubectl flags such as --request-timeout and --timeout take. */

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** parseGoDuration returns milliseconds for a Go duration string, or throws like time.ParseDuration. */
export function parseGoDuration(input: string): number {
  const s = input.trim();
  const invalid = (): Error => new Error(`time: invalid duration ${JSON.stringify(input)}`);
  if (s === '0' || s === '+0' || s === '-0') return 0;
  const m = /^([-+]?)((?:\d*\.?\d*[a-zµμ]+)+)$/.exec(s);
  if (!m) throw invalid();
  let total = 0;
  const part = /(\d*\.?\d*)([a-zµμ]+)/g;
  let p: RegExpExecArray | null;
  while ((p = part.exec(m[2]!)) !== null) {
    const [, num, unit] = p;
    if (num === '' || num === '.' || !(unit! in UNIT_MS)) {
      if (!(unit! in UNIT_MS) && num !== '' && num !== '.') throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(input)}`);
      throw invalid();
    }
    total += Number(num) * UNIT_MS[unit!]!;
  }
  return m[1] === '-' ? -total : total;
}

/**
 * parseRequestTimeout reads kubectl's --request-timeout: a bare integer is
 * seconds, otherwise a Go duration; "0" means no timeout.
 */
export function parseRequestTimeout(value: string): number {
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  try {
    const ms = parseGoDuration(value);
    if (ms < 0) throw new Error('negative');
    return ms;
  } catch {
    throw new Error('Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)');
  }
}
