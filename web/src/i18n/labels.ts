// The server's label tables (src/i18n/labels.ts: one table per enum, pure data), in the chosen language: one table, not two.
import { accessoryLabelOf, labels as de, labelsEn } from '../../../src/i18n/labels';
import { language } from '.';

export const labels = language === 'en' ? (labelsEn as unknown as typeof de) : de;

/** The label of a code, or the code itself when its table has none. */
export function label<K extends keyof typeof de>(kind: K, code: string | null | undefined): string {
  if (code == null) return '–';
  return (labels[kind] as Record<string, string>)[code] ?? code;
}

export const accessoryLabel = (accessory: string) => accessoryLabelOf(accessory, language);

