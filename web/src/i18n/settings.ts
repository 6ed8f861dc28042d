import { settings } from './de/settings';
import { inLanguage } from './language';

/** The texts of the authority's settings, in the chosen language (German where no English exists). */
export const tSettings = inLanguage(settings);
