import { schoolEdit } from './de/school-edit';
import { inLanguage } from './language';

/** The texts of a school's master data, in the chosen language (German where no English exists). */
export const tSchoolEdit = inLanguage(schoolEdit);
