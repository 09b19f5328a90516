/** Which command of a timed pair runs first (pure). */

/**
 * Alternates the order round by round, so neither command always runs right
 * after the other (warm page cache, a just-accepted TLS session, the server
 * just woken) — whatever the first one leaves behind benefits both equally.
 */
export function pairOrder<T>(round: number, a: T, b: T): [T, T] {
  return round % 2 === 0 ? [a, b] : [b, a];
}
