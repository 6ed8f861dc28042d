import { loans } from './de/loans';
import { inLanguage } from './language';

/** The texts of the loans screen (and a device's current loan), in the chosen language (German where no English exists). */
export const tLoans = inLanguage(loans);
