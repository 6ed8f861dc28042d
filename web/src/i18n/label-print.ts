import { labelPrint } from './de/label-print';
import { inLanguage } from './language';

/** The texts of the label printing panel, in the chosen language (German where no English exists). */
export const tLabelPrint = inLanguage(labelPrint);
