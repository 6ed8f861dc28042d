import { users } from './de/users';
import { inLanguage } from './language';

/** The texts of the user administration, in the chosen language (German where no English exists). */
export const tUsers = inLanguage(users);
