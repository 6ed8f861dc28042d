/**
 * The German (and English) label of every code the API and the database use, one table per enum:
 * `labels.deviceStatus.in_repair` → "in Reparatur". Whatever a person reads (the web app, the workbooks,
 * the PDFs) takes its words from here, so that one thing has one name everywhere (see GLOSSARY.md).
 *
 * Pure data without imports, so that the web app can import it as well. `labels.check.ts` holds each table
 * against its enum's `as const` array: a code without a label (or a label without a code) fails `npm run typecheck`.
 */

export const labels = {
  schoolType: {
    grundschule: 'Grundschule',
    hauptschule: 'Hauptschule',
    realschule: 'Realschule',
    sekundarschule: 'Sekundarschule',
    gesamtschule: 'Gesamtschule',
    gymnasium: 'Gymnasium',
    foerderschule: 'Förderschule',
    berufskolleg: 'Berufskolleg',
    other: 'Sonstige',
  },
  deviceType: {
    laptop: 'Laptop',
    tablet: 'Tablet',
    desktop: 'Desktop-PC',
    interactive_display: 'Interaktives Display',
    projector: 'Beamer',
    document_camera: 'Dokumentenkamera',
    access_point: 'WLAN-Access-Point',
    printer: 'Drucker',
    other: 'Sonstiges Gerät',
  },
  deviceStatus: {
    available: 'verfügbar',
    loaned: 'verliehen',
    in_use: 'im Einsatz',
    in_repair: 'in Reparatur',
    retired: 'ausgesondert',
    lost: 'verloren',
  },
  deviceEventKind: {
    created: 'angelegt',
    status_changed: 'Status geändert',
    moved: 'umgesetzt',
    loaned: 'Ausgabe',
    returned: 'Rückgabe',
    imported: 'importiert',
  },
  accessory: {
    charger: 'Ladegerät',
    power_supply: 'Netzteil',
    case: 'Schutzhülle',
    bag: 'Tasche',
    pen: 'Stift',
    keyboard: 'Tastatur',
    mouse: 'Maus',
    headphones: 'Kopfhörer',
    cable: 'Kabel',
  },
  borrowerKind: {
    student: 'Schülerin/Schüler',
    teacher: 'Lehrkraft',
  },
  returnCondition: {
    ok: 'in Ordnung',
    damaged: 'beschädigt',
    defective: 'defekt',
    lost: 'verloren',
  },
  loanState: {
    active: 'ausgeliehen',
    overdue: 'überfällig',
    returned: 'zurückgegeben',
  },
  expenditureCategory: {
    devices: 'Endgeräte',
    displays: 'Anzeige- und Interaktionsgeräte',
    network: 'Netzwerk/WLAN',
    software: 'Software',
    installation: 'Installation',
    training: 'Schulung',
    other: 'Sonstiges',
  },
  grantProgram: {
    digitalpakt_basis: 'DigitalPakt Schule (Basis)',
    sofortausstattung: 'DigitalPakt Sofortausstattungsprogramm',
    leihgeraete_lehrkraefte: 'DigitalPakt Leihgeräte für Lehrkräfte',
    administration: 'DigitalPakt Administration',
    state_program: 'Landesprogramm',
    city_budget: 'Kommunaler Haushalt',
    other: 'Sonstiges Förderprogramm',
  },
  grantStatus: {
    planned: 'geplant',
    approved: 'bewilligt',
    reported: 'Verwendungsnachweis eingereicht',
    closed: 'abgeschlossen',
  },
  grantDeadlineKind: {
    proof_of_use: 'Verwendungsnachweis fällig',
    eligible_period_end: 'Ende des förderfähigen Zeitraums',
  },
  grantWarning: {
    mobile_device_cap: 'Obergrenze für mobile Endgeräte überschritten',
    category_share: 'Anteil eines Fördergegenstands überschritten',
    over_allocation: 'Budget je Schule überschritten',
    over_approved: 'Bewilligter Betrag überschritten',
    earmarking_breach: 'Zweckbindungsfrist verletzt',
    proof_of_use_due: 'Verwendungsnachweis fällig',
    eligible_period_ending: 'Förderfähiger Zeitraum endet',
  },
  needCategory: {
    student_devices: 'Endgeräte für Schülerinnen/Schüler',
    teacher_devices: 'Endgeräte für Lehrkräfte',
    displays: 'Anzeige- und Interaktionsgeräte',
    wlan: 'WLAN',
    broadband: 'Breitband',
    software: 'Software',
    training: 'Schulung',
    other: 'Sonstiges',
  },
  needStatus: {
    draft: 'Entwurf',
    submitted: 'eingereicht',
    approved: 'genehmigt',
    partially_approved: 'teilweise genehmigt',
    rejected: 'abgelehnt',
  },
  needPriority: {
    low: 'niedrig',
    medium: 'mittel',
    high: 'hoch',
  },
  role: {
    admin: 'Plattform-Administration',
    office: 'Schulverwaltungsamt (Schulträger)',
    coordinator: 'IT-Koordination',
    viewer: 'Lesezugriff',
  },
  authorityKind: {
    city: 'Stadt',
    district: 'Kreis',
    other: 'Sonstiger Schulträger',
  },
  licenceProductKind: {
    learning_app: 'Lern-App',
    learning_platform: 'Lernplattform',
    office_suite: 'Office-Paket',
    device_management: 'Geräteverwaltung (MDM)',
    content: 'Inhalte',
    other: 'Sonstiges',
  },
  licencePlatform: {
    windows: 'Windows',
    macos: 'macOS',
    ipados: 'iPadOS',
    ios: 'iOS',
    android: 'Android',
    chromeos: 'ChromeOS',
    linux: 'Linux',
    web: 'Browser',
  },
  licenceHosting: { eu: 'in der EU', outside_eu: 'außerhalb der EU' },
  licenceModel: {
    per_student: 'je Schülerin/Schüler',
    per_teacher: 'je Lehrkraft',
    per_device: 'je Gerät',
    per_school: 'je Schule',
    volume: 'Volumen',
    concurrent: 'gleichzeitige Nutzung',
  },
  licenceNoticeUnit: { days: 'Tage', weeks: 'Wochen', months: 'Monate' },
  licenceUseSource: { school: 'von der Schule eingetragen', import: 'aus dem Nutzungsbericht importiert' },
  licenceWarning: {
    cancellation_due: 'Letzter Kündigungstag naht',
    ending_without_renewal: 'Laufzeit endet ohne Verlängerung',
    seats_over_bought: 'Mehr Plätze zugewiesen als gekauft',
    use_over_assigned: 'Mehr Plätze genutzt als zugewiesen',
    dpa_missing: 'AV-Vertrag fehlt',
    not_approved: 'Nicht freigegeben',
    low_use: 'Geringe Nutzung',
  },
  countListResult: {
    found: 'gefunden',
    missing: 'fehlt',
    found_elsewhere: 'an anderem Ort gefunden',
    unknown: 'unbekannt',
  },
  elsewhereKind: { other_room: 'anderer Raum', other_school: 'andere Schule', not_expected: 'nicht erwartet' },
  missingResolution: { lost: 'als verloren gemeldet', kept_open: 'offen gelassen' },
  yesNo: {
    yes: 'ja',
    no: 'nein',
  },
} as const;

export type LabelTables = typeof labels;
export type LabelKind = keyof LabelTables;
export type LabelCode<K extends LabelKind> = keyof LabelTables[K] & string;

/** The same tables in English: the same codes, the compiler holds them to it. */
export const labelsEn: { readonly [K in LabelKind]: { readonly [C in LabelCode<K>]: string } } = {
  schoolType: {
    grundschule: 'Primary school',
    hauptschule: 'Hauptschule',
    realschule: 'Realschule',
    sekundarschule: 'Secondary school',
    gesamtschule: 'Comprehensive school',
    gymnasium: 'Gymnasium',
    foerderschule: 'Special needs school',
    berufskolleg: 'Vocational college',
    other: 'Other',
  },
  deviceType: {
    laptop: 'Laptop',
    tablet: 'Tablet',
    desktop: 'Desktop PC',
    interactive_display: 'Interactive display',
    projector: 'Projector',
    document_camera: 'Document camera',
    access_point: 'Wi-Fi access point',
    printer: 'Printer',
    other: 'Other device',
  },
  deviceStatus: {
    available: 'available',
    loaned: 'on loan',
    in_use: 'in use',
    in_repair: 'in repair',
    retired: 'retired',
    lost: 'lost',
  },
  deviceEventKind: {
    created: 'created',
    status_changed: 'status changed',
    moved: 'moved',
    loaned: 'lent',
    returned: 'returned',
    imported: 'imported',
  },
  accessory: {
    charger: 'Charger',
    power_supply: 'Power supply',
    case: 'Case',
    bag: 'Bag',
    pen: 'Pen',
    keyboard: 'Keyboard',
    mouse: 'Mouse',
    headphones: 'Headphones',
    cable: 'Cable',
  },
  borrowerKind: { student: 'Student', teacher: 'Teacher' },
  returnCondition: { ok: 'fine', damaged: 'damaged', defective: 'defective', lost: 'lost' },
  loanState: { active: 'active', overdue: 'overdue', returned: 'returned' },
  expenditureCategory: {
    devices: 'Devices',
    displays: 'Displays',
    network: 'Network/Wi-Fi',
    software: 'Software',
    installation: 'Installation',
    training: 'Training',
    other: 'Other',
  },
  grantProgram: {
    digitalpakt_basis: 'DigitalPakt Schule (basic)',
    sofortausstattung: 'DigitalPakt immediate equipment programme',
    leihgeraete_lehrkraefte: 'DigitalPakt teacher devices',
    administration: 'DigitalPakt administration',
    state_program: 'State programme',
    city_budget: 'Municipal budget',
    other: 'Other programme',
  },
  grantStatus: { planned: 'planned', approved: 'approved', reported: 'reported', closed: 'closed' },
  grantDeadlineKind: { proof_of_use: 'Proof of use due', eligible_period_end: 'End of the eligible period' },
  grantWarning: {
    mobile_device_cap: 'Mobile device cap exceeded',
    category_share: 'Category share exceeded',
    over_allocation: 'School allocation exceeded',
    over_approved: 'Approved amount exceeded',
    earmarking_breach: 'Earmarking period breached',
    proof_of_use_due: 'Proof of use due',
    eligible_period_ending: 'Eligible period ending',
  },
  needCategory: {
    student_devices: 'Student devices',
    teacher_devices: 'Teacher devices',
    displays: 'Displays',
    wlan: 'Wi-Fi',
    broadband: 'Broadband',
    software: 'Software',
    training: 'Training',
    other: 'Other',
  },
  needStatus: {
    draft: 'draft',
    submitted: 'submitted',
    approved: 'approved',
    partially_approved: 'partially approved',
    rejected: 'rejected',
  },
  needPriority: { low: 'low', medium: 'medium', high: 'high' },
  role: { admin: 'Platform administration', office: 'School office', coordinator: 'IT coordination', viewer: 'Read-only' },
  authorityKind: { city: 'City', district: 'District', other: 'Other authority' },
  licenceProductKind: {
    learning_app: 'Learning app',
    learning_platform: 'Learning platform',
    office_suite: 'Office suite',
    device_management: 'Device management (MDM)',
    content: 'Content',
    other: 'Other',
  },
  licencePlatform: { windows: 'Windows', macos: 'macOS', ipados: 'iPadOS', ios: 'iOS', android: 'Android', chromeos: 'ChromeOS', linux: 'Linux', web: 'Browser' },
  licenceHosting: { eu: 'in the EU', outside_eu: 'outside the EU' },
  licenceModel: {
    per_student: 'per student',
    per_teacher: 'per teacher',
    per_device: 'per device',
    per_school: 'per school',
    volume: 'volume',
    concurrent: 'concurrent use',
  },
  licenceNoticeUnit: { days: 'days', weeks: 'weeks', months: 'months' },
  licenceUseSource: { school: 'entered by the school', import: 'imported from the usage report' },
  licenceWarning: {
    cancellation_due: 'Cancellation deadline approaching',
    ending_without_renewal: 'Term ends without renewal',
    seats_over_bought: 'More seats assigned than bought',
    use_over_assigned: 'More seats used than assigned',
    dpa_missing: 'Data-processing agreement missing',
    not_approved: 'Not approved',
    low_use: 'Low use',
  },
  countListResult: { found: 'found', missing: 'missing', found_elsewhere: 'found elsewhere', unknown: 'unknown' },
  elsewhereKind: { other_room: 'other room', other_school: 'other school', not_expected: 'not expected' },
  missingResolution: { lost: 'reported lost', kept_open: 'kept open' },
  yesNo: { yes: 'yes', no: 'no' },
};

export type LabelLang = 'de' | 'en';

/** The label of a code in its table, or the code itself when the table has none (free text such as a self-typed accessory). */
export function labelOf<K extends LabelKind>(kind: K, code: string | null | undefined, lang: LabelLang = 'de'): string | null {
  if (code === null || code === undefined) return null;
  const table = (lang === 'de' ? labels[kind] : labelsEn[kind]) as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : code;
}

/** An accessory as people wrote it (free text) or as a code: its label when it has one (case-insensitively), else as written. */
export function accessoryLabelOf(accessory: string, lang: LabelLang = 'de'): string {
  const code = accessory.trim().toLowerCase();
  const table: Readonly<Record<string, string>> = lang === 'de' ? labels.accessory : labelsEn.accessory;
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : accessory;
}

/** Yes/No in the language. */
export function yesNo(value: boolean | null | undefined, lang: LabelLang = 'de'): string | null {
  if (value === null || value === undefined) return null;
  return (lang === 'de' ? labels : labelsEn).yesNo[value ? 'yes' : 'no'];
}
