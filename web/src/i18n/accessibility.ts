import { accessibility } from './de/accessibility';
import { inLanguage } from './language';

/** The texts of the accessibility statement, in the chosen language (German where no English exists). */
export const tAccessibility = inLanguage(accessibility);
