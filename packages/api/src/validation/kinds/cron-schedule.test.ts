import { describe, expect, it } from 'vitest';
import { cronScheduleError } from './cron-schedule';

describe('cronScheduleError (robfig/cron ParseStandard)', () => {
  it.each(['*/5 * * * *', '0 0 * * 0', '0 9-17 * * MON-FRI', '15,45 */2 1 JAN,jul *', '@hourly', '@every 1h30m', '0 0 ? * *', '5/15 * * * *'])('accepts %j', (s) => {
    expect(cronScheduleError(s)).toBeUndefined();
  });

  it.each([
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['@weekdays', 'unrecognized descriptor: @weekdays'],
    ['@every soon', 'failed to parse duration @every soon: time: invalid duration "soon"'],
    ['TZ=Mars/Base * * * * *', 'provided bad location Mars/Base: unknown time zone Mars/Base'],
  ])('rejects %j', (s, msg) => {
    expect(cronScheduleError(s)).toBe(msg);
  });
});
