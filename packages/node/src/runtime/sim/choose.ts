/** Picks the stage that decides one lifecycle step of one container, and how long it takes. */
import { stepOf, type SimStage, type SimStep } from './profile';
import { selectorMatches, specificity, type SimTarget } from './selector';

/** The stage that decides a step, and the step's duration. */
export interface ChosenStage {
  stage: SimStage;
  delayMs: number;
}

function weightOf(stage: SimStage): number {
  return Math.max(0, stage.weight ?? 1);
}

/** Weighted choice: each stage's chance is its weight over the sum (the first one if all weigh 0). */
function pickWeighted(stages: SimStage[], random: () => number): SimStage {
  if (stages.length === 1) return stages[0];
  const total = stages.reduce((sum, s) => sum + weightOf(s), 0);
  if (total === 0) return stages[0];
  let r = random() * total;
  for (const stage of stages) {
    r -= weightOf(stage);
    if (r < 0) return stage;
  }
  return stages[stages.length - 1];
}

/**
 * Among the stages of `step` whose selectors match, the most specific win;
 * ties are broken by weight. An override (per-pod annotation) beats every
 * stage; without timing of its own it takes the time the profile's stage would.
 */
export function chooseStage(
  stages: readonly SimStage[],
  overrides: readonly SimStage[],
  step: SimStep,
  target: SimTarget,
  random: () => number,
): ChosenStage | undefined {
  const ofStep = (list: readonly SimStage[]) => list.filter((s) => stepOf(s.effect) === step && selectorMatches(s.selector, target));
  const matching = ofStep(stages);
  let chosen: ChosenStage | undefined;
  if (matching.length > 0) {
    const top = Math.max(...matching.map((s) => specificity(s.selector)));
    chosen = timed(pickWeighted(matching.filter((s) => specificity(s.selector) === top), random), random);
  }
  const override = ofStep(overrides)[0];
  if (!override) return chosen;
  const untimed = override.delayMs === undefined && override.jitterMs === undefined;
  return untimed && chosen ? { stage: override, delayMs: chosen.delayMs } : timed(override, random);
}

function timed(stage: SimStage, random: () => number): ChosenStage {
  const jitter = stage.jitterMs ? Math.floor(random() * stage.jitterMs) : 0;
  return { stage, delayMs: (stage.delayMs ?? 0) + jitter };
}
