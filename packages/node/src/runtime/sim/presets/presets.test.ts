import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { createSimRuntime } from '../sim-runtime';
import { seededRandom } from '../random';
import { drive } from './testdata/drive';
import { fastGolden } from './testdata/fast.golden';
import { realisticGolden } from './testdata/realistic.golden';
import type { SimPresetName } from './index';

const goldens: [SimPresetName, typeof fastGolden][] = [
  ['fast', fastGolden],
  ['realistic', realisticGolden],
];

describe.each(goldens)('preset %s', (preset, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, golden) => {
    const clock = new FakeClock();
    const runtime = createSimRuntime({ preset, clock, random: seededRandom(42), idSalt: 'golden' });
    const timeline = await drive(runtime, clock, { pod: golden.pod, horizonMs: golden.horizonMs, stopAtMs: golden.stopAtMs });
    expect(timeline).toEqual(golden.timeline);
  });
});
