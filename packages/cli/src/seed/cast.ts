import type { Persona } from './personas.ts';
import { PERSONAS_EN } from './personas-en.ts';
import { PERSONAS_ZH } from './personas-zh.ts';

/** Everyone in the demo community, in a fixed order (the plan's account indexes). */
export const PERSONAS: Persona[] = [...PERSONAS_ZH, ...PERSONAS_EN];
