/** IP address syntax as netutils.ParseIPSloppy accepts it. */

/** An IPv4 or IPv6 address as netutils.ParseIPSloppy accepts it (IPv4 octets may have leading zeros). */
export function isIP(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

/** Dotted-quad IPv4. */
export function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255);
}

/** IPv6, including embedded IPv4 and `::` compression. */
export function isIPv6(value: string): boolean {
  if (!value.includes(':') || /[^0-9A-Fa-f:.]/.test(value)) return false;
  let groups = value.split(':');
  let tail = 0;
  const last = groups[groups.length - 1];
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    tail = 2;
  }
  const doubles = value.split('::').length - 1;
  if (doubles > 1) return false;
  const filled = groups.filter((g) => g.length > 0);
  if (!filled.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  if (doubles === 1) return filled.length + tail <= 7;
  return groups.length + tail === 8 && groups.every((g) => g.length > 0);
}
