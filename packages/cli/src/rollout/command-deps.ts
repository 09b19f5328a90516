/** What the rollout commands take beyond the CLI context, injected so tests can drive time. */
import { realClock, type Clock } from '@mk/api';
import { localOffset } from '../describe/format';

/** The clock `rollout status` waits on, and the zone `rollout restart` stamps its time in. */
export interface RolloutDeps {
  clock: Clock;
  /** UTC offset in minutes east of UTC at a given moment (kubectl writes local time). */
  utcOffset(d: Date): number;
}

/** The real clock and the machine's zone. */
export const defaultRolloutDeps: RolloutDeps = { clock: realClock, utcOffset: localOffset };
