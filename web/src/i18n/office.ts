import { office } from './de/office';
import { inLanguage } from './language';

/** The texts of the office's screens (overview, needs review, schools, settings, coverage, grants, audit), in the chosen language (German where no English exists). */
export const tOffice = inLanguage(office);
