import { audit } from './de/audit';
import { inLanguage } from './language';

/** The texts of the audit log, in the chosen language (German where no English exists). */
export const tAudit = inLanguage(audit);
