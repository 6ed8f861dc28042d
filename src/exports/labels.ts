import type { ExportLang, Localized } from './xlsx-format';

/** Readable names of the codes the database stores, for the people who read the files. */
const LABELS: Record<string, Localized> = {
  // device types
  laptop: { de: 'Laptop', en: 'Laptop' },
  tablet: { de: 'Tablet', en: 'Tablet' },
  desktop: { de: 'Desktop-PC', en: 'Desktop PC' },
  interactive_display: { de: 'Interaktives Display', en: 'Interactive display' },
  projector: { de: 'Beamer', en: 'Projector' },
  document_camera: { de: 'Dokumentenkamera', en: 'Document camera' },
  access_point: { de: 'WLAN-Access-Point', en: 'Wi-Fi access point' },
  printer: { de: 'Drucker', en: 'Printer' },
  other: { de: 'Sonstiges', en: 'Other' },
  // device statuses
  available: { de: 'verfügbar', en: 'available' },
  loaned: { de: 'verliehen', en: 'on loan' },
  in_use: { de: 'im Einsatz', en: 'in use' },
  in_repair: { de: 'in Reparatur', en: 'in repair' },
  retired: { de: 'ausgesondert', en: 'retired' },
  lost: { de: 'verloren', en: 'lost' },
  // loans
  student: { de: 'Schüler/in', en: 'Student' },
  teacher: { de: 'Lehrkraft', en: 'Teacher' },
  active: { de: 'ausgeliehen', en: 'active' },
  overdue: { de: 'überfällig', en: 'overdue' },
  returned: { de: 'zurückgegeben', en: 'returned' },
  ok: { de: 'in Ordnung', en: 'fine' },
  damaged: { de: 'beschädigt', en: 'damaged' },
  defective: { de: 'defekt', en: 'defective' },
  // expenditure categories
  devices: { de: 'Endgeräte', en: 'Devices' },
  displays: { de: 'Anzeige-/Interaktionsgeräte', en: 'Displays' },
  network: { de: 'Netzwerk/WLAN', en: 'Network/Wi-Fi' },
  software: { de: 'Software', en: 'Software' },
  installation: { de: 'Installation', en: 'Installation' },
  training: { de: 'Schulung', en: 'Training' },
  // grant programs
  digitalpakt_basis: { de: 'DigitalPakt Schule (Basis)', en: 'DigitalPakt Schule (basic)' },
  sofortausstattung: { de: 'DigitalPakt Sofortausstattungsprogramm', en: 'DigitalPakt immediate equipment programme' },
  leihgeraete_lehrkraefte: { de: 'DigitalPakt Leihgeräte für Lehrkräfte', en: 'DigitalPakt teacher devices' },
  administration: { de: 'DigitalPakt Administration', en: 'DigitalPakt administration' },
  state_program: { de: 'Landesprogramm', en: 'State programme' },
  city_budget: { de: 'Kommunaler Haushalt', en: 'Municipal budget' },
};

const BY_LANG: Record<ExportLang, Map<string, string>> = {
  de: new Map(Object.entries(LABELS).map(([code, l]) => [code, l.de])),
  en: new Map(Object.entries(LABELS).map(([code, l]) => [code, l.en])),
};

/** The label of a code in the language, or the code itself when it has none. */
export function label(code: string | null | undefined, lang: ExportLang): string | null {
  if (code === null || code === undefined) return null;
  return BY_LANG[lang].get(code) ?? code;
}

/** Yes/No in the file's language. */
export function yesNo(value: boolean | null | undefined, lang: ExportLang): string | null {
  if (value === null || value === undefined) return null;
  return value ? (lang === 'de' ? 'ja' : 'yes') : lang === 'de' ? 'nein' : 'no';
}
