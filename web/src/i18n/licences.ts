import { licences } from './de/licences';
import { inLanguage } from './language';

/** The texts of licences, in the chosen language (German where no English exists). */
export const tLicences = inLanguage(licences);
