/**
 * The simulated runtime's behaviour as data (kwok's Stages idea): a profile is
 * a list of stages; each stage says, for the containers its selector matches,
 * how long one lifecycle step takes and how it ends.
 */

/** What a stage applies to; every field given must match (an empty selector matches everything). */
export interface SimSelector {
  /** Image patterns (`*` wildcard), matched against the repository (`busybox`) and the reference as written. */
  images?: string[];
  /** Container names (`*` wildcard). */
  containerNames?: string[];
  /** Pod labels that must all be present with these values. */
  podLabels?: Record<string, string>;
  /** Pod annotations that must all be present with these values (`*` = any value). */
  podAnnotations?: Record<string, string>;
  /** true: the container sets `command` or `args`; false: it runs its image's default entrypoint. */
  hasCommand?: boolean;
  /** A regular expression matched against the container's command and args joined by spaces. */
  commandMatches?: string;
}

/** How an image pull ends. `{image}` in a message is replaced by the image reference. */
export type PullEffect = 'ok' | { fail: string };

/** How a container start ends (a failed start leaves the container exited with code 128, as runc does). */
export type StartEffect = 'ok' | { fail: string };

/** What a started container does: run until stopped, or exit on its own. */
export type RunEffect =
  | 'forever'
  | {
      exit: number;
      afterMs: number;
      /** When the command contains `sleep N`, run N seconds instead of afterMs (a shell script's sleep). */
      honourSleep?: boolean;
    };

/** How a container reacts to SIGTERM: exits after afterMs with exitCode, or ignores it and is killed at the grace period's end. */
export type StopEffect = { afterMs: number; exitCode?: number } | 'ignoreSigterm';

/** One lifecycle step's outcome; exactly one key. */
export type SimEffect = { pull: PullEffect } | { start: StartEffect } | { run: RunEffect } | { stop: StopEffect };

/** The step a stage describes. */
export type SimStep = 'pull' | 'start' | 'run' | 'stop';

/** One stage: which containers, how long, what happens. */
export interface SimStage {
  name: string;
  selector?: SimSelector;
  /** Time the step takes before its effect. */
  delayMs?: number;
  /** Extra random time in [0, jitterMs) added to delayMs. */
  jitterMs?: number;
  /** Among matching stages of the same specificity, one is chosen at random in proportion to weight (default 1). */
  weight?: number;
  effect: SimEffect;
}

/** Failure injection, compiled into weighted stages beside the profile's own (see failures.ts). */
export interface SimFailures {
  /** This share of started containers exits with exitCode after afterMs instead of doing what their stage says. */
  crash?: { share: number; afterMs: number; exitCode?: number };
  /** This share of image pulls (of the matching images, default all) fails. */
  imagePullFailure?: { share: number; images?: string[]; message?: string };
}

/** A named list of stages: the runtime's whole behaviour. */
export interface SimProfile {
  name: string;
  description?: string;
  stages: SimStage[];
}

/** The step an effect belongs to. */
export function stepOf(effect: SimEffect): SimStep {
  if ('pull' in effect) return 'pull';
  if ('start' in effect) return 'start';
  if ('run' in effect) return 'run';
  return 'stop';
}
