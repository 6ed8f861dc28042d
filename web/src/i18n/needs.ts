import { needs } from './de/needs';
import { inLanguage } from './language';

/** The texts of a school's needs, in the chosen language (German where no English exists). */
export const tNeeds = inLanguage(needs);
