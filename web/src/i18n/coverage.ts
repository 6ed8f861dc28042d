import { coverage } from './de/coverage';
import { inLanguage } from './language';

/** The texts of the media development plan (coverage), in the chosen language (German where no English exists). */
export const tCoverage = inLanguage(coverage);
