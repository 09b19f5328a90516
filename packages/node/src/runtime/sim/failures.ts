/**
 * Failure injection compiled into stages: a crash share becomes a weighted
 * sibling of every run stage, a pull-failure share a weighted sibling of every
 * pull stage, so failures are chosen by the same rules as everything else.
 */
import { stepOf, type SimFailures, type SimProfile, type SimStage } from './profile';

/** containerd's wording for an image that cannot be pulled, marked as simulated. */
export const DEFAULT_PULL_FAILURE = 'rpc error: code = NotFound desc = failed to pull and unpack image "{image}": simulated pull failure';

const clampShare = (share: number) => Math.min(1, Math.max(0, share));

function splitStage(stage: SimStage, share: number, failed: SimStage): SimStage[] {
  const weight = stage.weight ?? 1;
  return [
    { ...stage, weight: weight * (1 - share) },
    { ...failed, weight: weight * share },
  ];
}

function injectCrash(stages: SimStage[], crash: NonNullable<SimFailures['crash']>): SimStage[] {
  const share = clampShare(crash.share);
  const effect = { run: { exit: crash.exitCode ?? 1, afterMs: crash.afterMs } };
  const runStages = stages.filter((s) => stepOf(s.effect) === 'run');
  const base: SimStage[] = runStages.some((s) => !s.selector) ? [] : [{ name: 'run-forever', effect: { run: 'forever' } }];
  const others = stages.filter((s) => stepOf(s.effect) !== 'run');
  const split = [...base, ...runStages].flatMap((s) => splitStage(s, share, { name: `${s.name}/crash`, selector: s.selector, effect }));
  return [...others, ...split];
}

function injectPullFailure(stages: SimStage[], failure: NonNullable<SimFailures['imagePullFailure']>): SimStage[] {
  const share = clampShare(failure.share);
  const effect = { pull: { fail: failure.message ?? DEFAULT_PULL_FAILURE } };
  const pullStages = stages.filter((s) => stepOf(s.effect) === 'pull');
  const base: SimStage[] = pullStages.some((s) => !s.selector) ? [] : [{ name: 'pull', effect: { pull: 'ok' } }];
  const pulls = [...base, ...pullStages];
  if (!failure.images) {
    const others = stages.filter((s) => stepOf(s.effect) !== 'pull');
    return [...others, ...pulls.flatMap((s) => splitStage(s, share, { ...s, name: `${s.name}/fail`, effect }))];
  }
  // Only the listed images fail: a more specific pair (ok/fail) per pull stage, timed like it.
  const narrowed = pulls.flatMap((s) => {
    const selector = { ...s.selector, images: failure.images };
    return splitStage({ ...s, name: `${s.name}/${failure.images!.join(',')}`, selector }, share, { ...s, name: `${s.name}/fail`, selector, effect });
  });
  return [...stages, ...narrowed];
}

/** The profile with the failures added as stages. */
export function applyFailures(profile: SimProfile, failures: SimFailures | undefined): SimProfile {
  if (!failures) return profile;
  let stages = [...profile.stages];
  if (failures.crash) stages = injectCrash(stages, failures.crash);
  if (failures.imagePullFailure) stages = injectPullFailure(stages, failures.imagePullFailure);
  return { ...profile, stages };
}
