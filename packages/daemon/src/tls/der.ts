/**
 * A minimal DER (ASN.1) encoder: just the types an X.509 certificate needs.
 * Written by hand because Node can sign but not build certificates, and no
 * certificate library is installed (node-forge or @peculiar/x509 would do it).
 */

/** An encoded DER element. */
export type Der = Buffer;

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** tlv encodes one element from its tag byte and content. */
export function tlv(tag: number, content: Buffer): Der {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}

/** sequence: SEQUENCE of elements. */
export const sequence = (...items: Der[]): Der => tlv(0x30, Buffer.concat(items));
/** set: SET of elements (callers pass one element per RDN, so no sorting is needed). */
export const set = (...items: Der[]): Der => tlv(0x31, Buffer.concat(items));
/** explicit: a context-specific constructed tag [n] around one element. */
export const explicit = (n: number, item: Der): Der => tlv(0xa0 + n, item);
/** octetString: OCTET STRING. */
export const octetString = (bytes: Buffer): Der => tlv(0x04, bytes);
/** bitString: BIT STRING with no unused bits. */
export const bitString = (bytes: Buffer): Der => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));
/** utf8String: UTF8String. */
export const utf8String = (s: string): Der => tlv(0x0c, Buffer.from(s, 'utf8'));
/** boolean: BOOLEAN. */
export const boolean = (b: boolean): Der => tlv(0x01, Buffer.from([b ? 0xff : 0]));

/** integer encodes a non-negative big-endian unsigned value as INTEGER (minimal, with a sign byte when needed). */
export function integer(value: Buffer | number): Der {
  let bytes = typeof value === 'number' ? numberBytes(value) : value;
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0 && (bytes[start + 1]! & 0x80) === 0) start++;
  bytes = bytes.subarray(start);
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

function numberBytes(n: number): Buffer {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex');
}

/** namedBits encodes a one-byte named-bit BIT STRING (key usage), dropping trailing zero bits as DER requires. */
export function namedBits(byte: number): Der {
  let unused = 0;
  while (unused < 7 && ((byte >> unused) & 1) === 0) unused++;
  return tlv(0x03, Buffer.from([unused, byte]));
}

/** oid encodes an OBJECT IDENTIFIER from dotted form. */
export function oid(dotted: string): Der {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out: number[] = [a! * 40 + b!];
  for (const n of rest) {
    const chunk: number[] = [n & 0x7f];
    for (let v = n >>> 7; v > 0; v >>>= 7) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** time encodes a date as UTCTime until 2049 and GeneralizedTime after, as RFC 5280 requires. */
export function time(date: Date): Der {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
}

/** toPem wraps DER in PEM armour. */
export function toPem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}
