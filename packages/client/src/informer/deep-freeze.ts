/**
 * Freezing cached objects enforces client-go's rule "never mutate an object
 * from the cache" at run time: a controller that writes into a cached Pod
 * gets a TypeError (in strict-mode ESM) instead of silently corrupting what
 * every other component sees.
 */

/** Freezes a JSON value and everything it contains; returns the same value. */
export function deepFreeze<T>(value: T): Readonly<T> {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  // Freezing children first means an already-frozen parent always has frozen children.
  for (const child of Object.values(value as object)) deepFreeze(child);
  return Object.freeze(value);
}
