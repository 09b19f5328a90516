/**
 * `realistic`: pulls take 0.5–2 s and starts 100–300 ms; shell commands exit
 * after about a second (or their `sleep N`); shell images ignore SIGTERM as a
 * shell running as PID 1 does, so deleting them waits for the grace period.
 */
import type { SimProfile } from '../profile';
import { NEVER_ENDING_COMMAND, SHELL_IMAGES } from './shell-images';

/** The `realistic` preset. */
export const realisticProfile: SimProfile = {
  name: 'realistic',
  description: 'Pulls 0.5–2 s, starts 100–300 ms; shell commands exit 0 after ~1 s or their sleep; shells ignore SIGTERM.',
  stages: [
    { name: 'pull', delayMs: 500, jitterMs: 1500, effect: { pull: 'ok' } },
    { name: 'start', delayMs: 100, jitterMs: 200, effect: { start: 'ok' } },
    { name: 'run-forever', effect: { run: 'forever' } },
    {
      name: 'shell-command-exits',
      selector: { images: SHELL_IMAGES, hasCommand: true },
      jitterMs: 500,
      effect: { run: { exit: 0, afterMs: 1000, honourSleep: true } },
    },
    {
      name: 'shell-command-loops',
      selector: { images: SHELL_IMAGES, hasCommand: true, commandMatches: NEVER_ENDING_COMMAND },
      effect: { run: 'forever' },
    },
    { name: 'stop', effect: { stop: { afterMs: 200, exitCode: 0 } } },
    { name: 'shell-ignores-sigterm', selector: { images: SHELL_IMAGES }, effect: { stop: 'ignoreSigterm' } },
  ],
};
