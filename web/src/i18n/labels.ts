// The server's label tables (src/i18n/labels.ts: one table per enum, pure data), in the chosen language: one table, not two.
import { accessoryLabelOf, type LabelKind, labels as de, labelsEn } from '../../../src/i18n/labels';
import { language } from './language';

export const labels = language === 'en' ? (labelsEn as unknown as typeof de) : de;

/** The word for an API code in its enum's table ('–' for none; the code itself when its table has no entry). */
export function label(kind: LabelKind, code: string | null | undefined): string {
  if (code == null) return '–';
  return (labels[kind] as Record<string, string>)[code] ?? code;
}

/** An accessory as people wrote it (free text) or as a code: its label when it has one. */
export const accessoryLabel = (accessory: string) => accessoryLabelOf(accessory, language);
