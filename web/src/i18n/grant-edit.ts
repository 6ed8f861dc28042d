import { grantEdit } from './de/grant-edit';
import { inLanguage } from './language';

/** The texts of grants (Förderprogramme), in the chosen language (German where no English exists). */
export const tGrantEdit = inLanguage(grantEdit);
