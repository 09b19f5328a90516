/**
 * `fast`: every step is immediate and containers run until stopped, except
 * shell images given a command, which exit 0 shortly (or after their `sleep N`)
 * so Jobs complete. Like kwok's fast stages: one status write per pod.
 */
import type { SimProfile } from '../profile';
import { NEVER_ENDING_COMMAND, SHELL_IMAGES } from './shell-images';

/** The `fast` preset. */
export const fastProfile: SimProfile = {
  name: 'fast',
  description: 'Immediate pulls and starts; containers run forever; shell commands exit 0 after 500 ms or their sleep.',
  stages: [
    { name: 'pull', effect: { pull: 'ok' } },
    { name: 'start', effect: { start: 'ok' } },
    { name: 'run-forever', effect: { run: 'forever' } },
    {
      name: 'shell-command-exits',
      selector: { images: SHELL_IMAGES, hasCommand: true },
      effect: { run: { exit: 0, afterMs: 500, honourSleep: true } },
    },
    {
      name: 'shell-command-loops',
      selector: { images: SHELL_IMAGES, hasCommand: true, commandMatches: NEVER_ENDING_COMMAND },
      effect: { run: 'forever' },
    },
    { name: 'stop', effect: { stop: { afterMs: 0, exitCode: 0 } } },
  ],
};
