import { platform } from './de/platform';
import { inLanguage } from './language';

/** The texts of the platform admin's screen, in the chosen language (German where no English exists). */
export const tPlatform = inLanguage(platform);
