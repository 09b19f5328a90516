/**
 * What a CronJob schedule means, as robfig/cron v3's ParseStandard reads it:
 * five fields (minute, hour, day of month, month, day of week 0-6 with
 * three-letter names, `*`/`?`, ranges, `N/step` meaning `N-max/step`, comma
 * lists), the @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly
 * descriptors, or `@every <Go duration>`. The grammar and its error text are
 * checked first by @mk/api's cronScheduleError (the API server's validation);
 * this only expands a spec that passed.
 *
 * As in robfig (and Vixie cron), when day of month or day of week is a bare
 * `*` or `?` a day must match both; otherwise either. A star field is kept as
 * '*' so the cron library applies the same rule.
 */

/** An expanded schedule: matching minutes of the calendar, or a constant delay. */
export type CronSpec =
  | { kind: 'fields'; minute: number[]; hour: number[]; dayOfMonth: number[] | '*'; month: number[]; dayOfWeek: number[] | '*' }
  | { kind: 'every'; delayMs: number };

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const MINUTE: Bounds = { min: 0, max: 59 };
const HOUR: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTH: Bounds = { min: 1, max: 12, names: MONTHS };
const DOW: Bounds = { min: 0, max: 6, names: DAYS };

const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const DURATION_UNITS_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

interface Field {
  values: number[];
  star: boolean;
}

function intOrName(expr: string, b: Bounds): number {
  return b.names?.[expr.toLowerCase()] ?? Number(expr);
}

function expandRange(expr: string, b: Bounds): Field {
  const [range, stepText] = expr.split('/');
  const lowAndHigh = range!.split('-');
  const starred = lowAndHigh[0] === '*' || lowAndHigh[0] === '?';
  const start = starred ? b.min : intOrName(lowAndHigh[0]!, b);
  let end = starred ? b.max : lowAndHigh.length === 2 ? intOrName(lowAndHigh[1]!, b) : start;
  const step = stepText === undefined ? 1 : Number(stepText);
  if (stepText !== undefined && lowAndHigh.length === 1) end = b.max;
  const values: number[] = [];
  for (let v = start; v <= end; v += step) values.push(v);
  // A step wider than one drops the star, as robfig clears its star bit.
  return { values, star: starred && step <= 1 };
}

function expandField(field: string, b: Bounds): Field {
  const values = new Set<number>();
  let star = false;
  for (const expr of field.split(',').filter((e) => e.length > 0)) {
    const r = expandRange(expr, b);
    r.values.forEach((v) => values.add(v));
    star ||= r.star;
  }
  return { values: [...values].sort((a, b) => a - b), star };
}

/** Go's time.ParseDuration for the `@every` forms the validation admits (`1h30m`, `90s`, `1.5h`), in milliseconds. */
export function parseGoDurationMs(text: string): number {
  let total = 0;
  for (const m of text.matchAll(/([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(m[1]) * DURATION_UNITS_MS[m[2]!]!;
  return total;
}

/** Expands a spec that cronScheduleError accepted and that carries no TZ= prefix. */
export function expandCronSpec(spec: string): CronSpec {
  if (spec.startsWith('@every ')) {
    // robfig's Every: whole seconds, at least one.
    const delayMs = Math.max(1000, Math.floor(parseGoDurationMs(spec.slice('@every '.length)) / 1000) * 1000);
    return { kind: 'every', delayMs };
  }
  const fields = (DESCRIPTORS[spec] ?? spec).split(/\s+/).filter((f) => f.length > 0);
  const [minute, hour, dom, month, dow] = [MINUTE, HOUR, DOM, MONTH, DOW].map((b, i) => expandField(fields[i]!, b));
  return {
    kind: 'fields',
    minute: minute!.values,
    hour: hour!.values,
    dayOfMonth: dom!.star ? '*' : dom!.values,
    month: month!.values,
    dayOfWeek: dow!.star ? '*' : dow!.values,
  };
}
