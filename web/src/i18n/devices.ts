import { devices } from './de/devices';
import { inLanguage } from './language';

/** The texts of the device list and detail, in the chosen language (German where no English exists). */
export const tDevices = inLanguage(devices);
