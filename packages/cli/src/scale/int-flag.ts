/**
 * Integer flags as pflag reads them (IntVar, Int32Var): strconv.ParseInt(s, 0, bits), so a base
 * prefix is honoured (0x, 0o, 0b, or a leading 0 for octal), with pflag's error text.
 */
import { FlagValueError } from './flag-error';

const DIGITS: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^\d+$/, 16: /^[0-9a-fA-F]+$/ };

/** strconv.ParseInt(s, 0, bits); throws strconv's error text. */
export function parseGoInt(s: string, bits: 32 | 64): number {
  const syntax = (): Error => new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  const m = /^([+-]?)(.*)$/.exec(s)!;
  const [, sign, body] = m as unknown as [string, string, string];
  let base = 10;
  let digits = body;
  if (/^0[xX]/.test(body)) [base, digits] = [16, body.slice(2)];
  else if (/^0[oO]/.test(body)) [base, digits] = [8, body.slice(2)];
  else if (/^0[bB]/.test(body)) [base, digits] = [2, body.slice(2)];
  else if (/^0\d/.test(body)) [base, digits] = [8, body.slice(1)];
  if (!DIGITS[base]!.test(digits)) throw syntax();
  const prefix = { 2: '0b', 8: '0o', 10: '', 16: '0x' }[base as 2 | 8 | 10 | 16];
  const magnitude = BigInt(`${prefix}${digits}`);
  const value = sign === '-' ? -magnitude : magnitude;
  const limit = 2n ** BigInt(bits - 1);
  if (value >= limit || value < -limit) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`);
  return Number(value);
}

/** Reads an integer flag; throws FlagValueError with pflag's message for a bad value. */
export function intFlag(name: string, value: string, bits: 32 | 64 = 64): number {
  try {
    return parseGoInt(value, bits);
  } catch (err) {
    throw new FlagValueError(`invalid argument ${JSON.stringify(value)} for "--${name}" flag: ${(err as Error).message}`);
  }
}
