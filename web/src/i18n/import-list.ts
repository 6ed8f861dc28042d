import { importList } from './de/import-list';
import { inLanguage } from './language';

/** The texts of the import of a delivery list, in the chosen language (German where no English exists). */
export const tImportList = inLanguage(importList);
