/** The simulated runtime's presets by name. */
import type { SimProfile } from '../profile';
import { fastProfile } from './fast';
import { realisticProfile } from './realistic';

export { fastProfile, realisticProfile };

/** Presets by name. */
export const simPresets: Record<string, SimProfile> = { fast: fastProfile, realistic: realisticProfile };

/** The names of the presets. */
export type SimPresetName = 'fast' | 'realistic';
