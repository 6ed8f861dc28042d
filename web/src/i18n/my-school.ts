import { mySchool } from './de/my-school';
import { inLanguage } from './language';

/** The texts of my school, in the chosen language (German where no English exists). */
export const tMySchool = inLanguage(mySchool);
