import { type LabelKind, labelOf } from '../../../src/i18n/labels';
import { language } from '../i18n';

/** The German (or English) word for an API code, from the server's one label table (src/i18n/labels.ts). */
export const label = (kind: LabelKind, code: string | null | undefined): string => labelOf(kind, code, language) ?? '–';

/** Fills `{name}` placeholders of a text. */
export const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
