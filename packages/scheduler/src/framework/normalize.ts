/** Score normalisation helpers (plugins/helper.DefaultNormalizeScore). */
import { MAX_NODE_SCORE } from './types';

/**
 * Scales scores so the highest becomes MAX_NODE_SCORE (integer division, as
 * upstream); with `reverse`, fewer is better. All zero: 0 everywhere, or
 * MAX_NODE_SCORE everywhere when reversed.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean, maxPriority = MAX_NODE_SCORE): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((maxPriority * scores[i]) / max);
    scores[i] = reverse ? maxPriority - s : s;
  }
}
