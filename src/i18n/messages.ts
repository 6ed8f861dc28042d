/**
 * The German text of every error the API can answer with, rendered from its stable `reason` (and of every field
 * error, from its `code`) and the `params` sent along. The API's `message` stays English for programmers; whatever a
 * person reads is rendered here. Pure (no Nest): the web app imports it like `labels.ts`.
 *
 * Templates name their placeholders `{name}` or `{name:format}`; formats: `date` ('YYYY-MM-DD' → 31.12.2026),
 * `euro` (cents → 1.234,56 €), `int` (1.234), `entity` (see ENTITIES), or a label table of `labels.ts` (`deviceStatus`,
 * `role` …). A list value is formatted item by item and joined as alternatives ("A, B oder C"). `messages.spec.ts` checks that every
 * placeholder has a known format; the e2e tests that the server sends the params its texts need.
 */
import { labelOf, labels } from './labels';

export type MessageParam = string | number | boolean | null | undefined | readonly (string | number)[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** The records an error can be about, as the subject of a German sentence. */
export const ENTITIES = {
  device: 'Das Gerät',
  loan: 'Die Ausleihe',
  school: 'Die Schule',
  authority: 'Der Schulträger',
  user: 'Das Benutzerkonto',
  grant: 'Das Förderprogramm',
  allocation: 'Das Budget der Schule',
  expenditure: 'Die Bestellung oder Rechnung',
  stocktaking: 'Die Inventur',
  needRequest: 'Die Bedarfsmeldung',
  licenceProduct: 'Das Lizenzprodukt',
  licenceContract: 'Der Lizenzvertrag',
  licenceSeats: 'Die Platzzuteilung',
  record: 'Der Datensatz',
} as const;
export type Entity = keyof typeof ENTITIES;

/** German text of every `reason` (the specific error code of an error body). */
const REASON_TEXTS = {
  // The coarse codes, for errors without a more specific reason.
  BAD_REQUEST: 'Die Anfrage ist ungültig.',
  VALIDATION_FAILED: 'Bitte prüfen Sie die markierten Felder.',
  UNAUTHORIZED: 'Bitte melden Sie sich an.',
  FORBIDDEN: 'Dafür fehlt Ihnen die Berechtigung.',
  NOT_FOUND: 'Nicht gefunden, oder Sie dürfen es nicht sehen.',
  CONFLICT: 'Das widerspricht einem vorhandenen Eintrag.',
  ILLEGAL_STATE: 'Dieser Schritt ist im jetzigen Zustand nicht möglich.',
  STALE_VERSION: '{entity:entity} wurde inzwischen von jemand anderem geändert. Bitte laden Sie neu und geben Sie Ihre Änderung noch einmal ein.',
  PAYLOAD_TOO_LARGE: 'Die Datei oder Anfrage ist zu groß.',
  UNSUPPORTED_MEDIA_TYPE: 'Dieses Dateiformat wird nicht unterstützt.',
  TOO_MANY_REQUESTS: 'Zu viele Versuche. Bitte warten Sie einen Moment.',
  DATABASE_UNAVAILABLE: 'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in wenigen Sekunden erneut.',
  EXPORTS_BUSY: 'Gerade laufen zu viele Exporte. Bitte versuchen Sie es in wenigen Sekunden erneut.',
  IDEMPOTENCY_KEY_REUSED: 'Diese Anfrage wurde schon einmal mit anderen Angaben gesendet. Bitte laden Sie neu.',
  INTERNAL_ERROR: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
  BODY_NOT_JSON: 'Die Anfrage muss ihre Angaben als JSON senden (Content-Type: application/json).',

  // Device import (delivery lists): the file as a whole; problems of rows are in src/i18n/import-problems.ts.
  IMPORT_FILE_TOO_LARGE: 'Die Datei ist größer als {maxMb:int} MB. Bitte teilen Sie die Liste auf.',
  IMPORT_TOO_MANY_ROWS: 'Die Datei {file} hat mehr als {maxRows:int} Zeilen; so viele können nicht auf einmal importiert werden. Bitte teilen Sie die Liste auf.',
  IMPORT_UNPACKED_TOO_LARGE: 'Die Arbeitsmappe {file} ist entpackt größer als {maxMb:int} MB. Bitte teilen Sie die Liste auf.',
  IMPORT_FORMAT_UNSUPPORTED: 'Bitte laden Sie die Liste als .xlsx oder .csv hoch (eine alte .xls-Datei in Excel als .xlsx speichern).',

  // Sign-in and permissions.
  SESSION_INVALID: 'Ihre Anmeldung ist abgelaufen oder ungültig. Bitte melden Sie sich neu an.',
  LOGIN_FAILED: 'E-Mail-Adresse oder Passwort ist falsch.',
  CSRF_HEADER_MISSING: 'Die Anfrage wurde aus Sicherheitsgründen abgelehnt. Bitte laden Sie die Seite neu.',
  ROLE_REQUIRED: 'Dafür ist eine dieser Rollen nötig: {roles:role}.',
  READ_ONLY_ROLE: 'Ihre Rolle darf nur lesen.',
  ADMIN_SEES_NO_TENANT_DATA: 'Die Plattform-Administration sieht keine Daten eines Schulträgers.',

  // Records that are not there (or not visible to the caller).
  DEVICE_NOT_FOUND: 'Das Gerät wurde nicht gefunden, oder Sie dürfen es nicht sehen.',
  LOAN_NOT_FOUND: 'Die Ausleihe wurde nicht gefunden, oder Sie dürfen sie nicht sehen.',
  SCHOOL_NOT_FOUND: 'Die Schule wurde nicht gefunden, oder Sie dürfen sie nicht sehen.',
  AUTHORITY_NOT_FOUND: 'Der Schulträger wurde nicht gefunden.',
  USER_NOT_FOUND: 'Das Benutzerkonto wurde nicht gefunden, oder Sie dürfen es nicht sehen.',
  GRANT_NOT_FOUND: 'Das Förderprogramm wurde nicht gefunden, oder Sie dürfen es nicht sehen.',
  ALLOCATION_NOT_FOUND: 'Die Schule hat in diesem Förderprogramm kein Budget.',
  EXPENDITURE_NOT_FOUND: 'Die Bestellung oder Rechnung wurde nicht gefunden, oder Sie dürfen sie nicht sehen.',
  STOCKTAKING_NOT_FOUND: 'Die Inventur wurde nicht gefunden, oder Sie dürfen sie nicht sehen.',
  NEED_REQUEST_NOT_FOUND: 'Die Bedarfsmeldung wurde nicht gefunden, oder Sie dürfen sie nicht sehen.',
  LICENCE_PRODUCT_NOT_FOUND: 'Das Lizenzprodukt wurde nicht gefunden.',
  LICENCE_CONTRACT_NOT_FOUND: 'Der Lizenzvertrag wurde nicht gefunden, oder Sie dürfen ihn nicht sehen.',
  LICENCE_SEATS_NOT_FOUND: 'Für diese Schule sind in diesem Vertrag keine Plätze eingetragen.',
  CONTRACT_SCHOOL_NOT_FOUND: 'Diese Schule gehört nicht zu diesem Lizenzvertrag.',
  ROUTE_NOT_FOUND: 'Diese Adresse gibt es nicht.',

  // Generic database answers (a constraint without its own text).
  RECORD_EXISTS: 'Ein solcher Eintrag ist schon vorhanden.',
  RECORD_IN_USE: 'Der Eintrag wird noch verwendet oder verweist auf einen Eintrag, den es nicht gibt.',
  RULE_VIOLATED: 'Ein Wert verstößt gegen eine Regel.',
  CONCURRENT_CHANGE: 'Eine gleichzeitige Änderung kam dazwischen. Bitte versuchen Sie es noch einmal.',
  VALUE_TOO_LONG: 'Ein Wert ist zu lang.',
  VALUE_MALFORMED: 'Ein Wert hat das falsche Format oder liegt außerhalb des erlaubten Bereichs.',
  SCHOOL_NUMBER_TAKEN: 'Eine Schule mit dieser Schulnummer gibt es bei diesem Schulträger schon.',
  EMAIL_TAKEN: 'Ein Benutzerkonto mit dieser E-Mail-Adresse gibt es schon.',
  SLUG_TAKEN: 'Einen Schulträger mit diesem Kurznamen gibt es schon.',
  SCHOOL_NOT_IN_AUTHORITY: 'Diese Schule gibt es bei diesem Schulträger nicht.',
  DEVICE_NOT_IN_AUTHORITY: 'Dieses Gerät gibt es bei diesem Schulträger nicht.',
  GRANT_NOT_IN_AUTHORITY: 'Dieses Förderprogramm gibt es bei diesem Schulträger nicht.',
  EXPENDITURE_NOT_IN_AUTHORITY: 'Diese Bestellung oder Rechnung gibt es bei diesem Schulträger nicht.',
  SCHOOL_HAS_DEVICES: 'Die Schule hat noch Geräte. Bitte setzen Sie sie zuerst an eine andere Schule um oder löschen Sie sie.',
  SCHOOL_HAS_LOANS: 'Die Schule hat noch Ausleihen und kann nicht gelöscht werden.',
  SCHOOL_HAS_ALLOCATIONS: 'Die Schule hat noch Budgets in Förderprogrammen und kann nicht gelöscht werden.',
  SCHOOL_HAS_EXPENDITURES: 'Die Schule hat noch Bestellungen oder Rechnungen in Förderprogrammen und kann nicht gelöscht werden.',
  SCHOOL_HAS_NEED_REQUESTS: 'Die Schule hat noch Bedarfsmeldungen und kann nicht gelöscht werden.',
  DEVICE_HAS_EXPENDITURE: 'Das Gerät ist einer Rechnung eines Förderprogramms zugeordnet und kann nicht gelöscht werden.',
  PRODUCT_HAS_CONTRACTS: 'Zu diesem Produkt gibt es Lizenzverträge; es kann nicht gelöscht werden.',

  // Loans.
  DEVICE_ON_LOAN: 'Das Gerät ist bereits verliehen.',
  DEVICE_NOT_LENDABLE: 'Ein Gerät mit dem Status „{deviceStatus:deviceStatus}“ kann nicht verliehen werden; nur verfügbare Geräte.',
  DEVICE_NOT_ON_LOAN: 'Das Gerät ist nicht verliehen (Status: {deviceStatus:deviceStatus}).',
  LOAN_ALREADY_RETURNED: 'Diese Ausleihe wurde bereits am {returnedOn:date} zurückgegeben.',
  LOAN_RETURNED_NOT_EXTENDABLE: 'Eine zurückgegebene Ausleihe kann nicht verlängert werden.',
  AGREEMENT_ALREADY_SIGNED: 'Der Leihvertrag dieser Ausleihe ist bereits als unterschrieben vermerkt.',

  // Devices.
  DEVICE_STATUS_TRANSITION: 'Ein Gerät mit dem Status „{currentStatus:deviceStatus}“ kann nicht „{requestedStatus:deviceStatus}“ werden.',
  DEVICE_STATUS_BY_LOAN_ONLY:
    'Ein Gerät mit dem Status „{currentStatus:deviceStatus}“ kann nicht „{requestedStatus:deviceStatus}“ werden. Ausgabe und Rückgabe setzen diesen Status.',
  DEVICE_CANNOT_MOVE: 'Ein Gerät mit dem Status „{currentStatus:deviceStatus}“ kann nicht an eine andere Schule umgesetzt werden.',
  SERIAL_NUMBER_AMBIGUOUS: 'Mehrere Geräte tragen diese Seriennummer. Bitte scannen Sie stattdessen die Inventarnummer.',
  INVENTORY_NUMBER_AMBIGUOUS: 'Mehrere Geräte tragen diese Inventarnummer in anderer Groß- und Kleinschreibung. Bitte geben Sie sie genau so ein, wie sie auf dem Etikett steht.',
  INVENTORY_NUMBER_TAKEN: 'Ein Gerät mit dieser Inventarnummer gibt es bei diesem Schulträger schon.',
  SERIAL_NUMBER_TAKEN: 'Ein Gerät dieses Herstellers mit dieser Seriennummer gibt es bei diesem Schulträger schon.',
  EARMARKING_BREACH_NEEDS_CONFIRMATION:
    'Das Gerät wurde aus dem Förderprogramm „{grantTitle}“ bezahlt und ist bis zum {earmarkingEnd:date} zweckgebunden; ' +
    'betroffener Förderbetrag: {amountAtRiskCents:euro}. Bitte bestätigen Sie ausdrücklich, dass es trotzdem als „{requestedStatus:deviceStatus}“ gebucht werden soll.',

  // Stocktakings and labels.
  STOCKTAKING_CLOSED: 'Die Inventur ist abgeschlossen und kann nicht mehr geändert werden.',
  STOCKTAKING_OPEN_EXISTS: 'An dieser Schule läuft schon eine Inventur. Bitte schließen Sie sie zuerst ab.',
  STOCKTAKING_CANNOT_MOVE: 'Dieses Gerät kann nicht hierher umgesetzt werden (nicht an einem anderen Ort gefunden, verliehen oder ausgesondert, schon hier, oder nicht an einer Ihrer Schulen).',
  STOCKTAKING_SETTINGS_OFFICE_ONLY: 'Nur das Schulverwaltungsamt ändert die Einstellungen der Inventur.',
  TOO_MANY_LABELS: 'Mehr als {maxLabels:int} Geräte passen zu den Filtern. Bitte schränken Sie die Auswahl ein.',

  // Schools and users.
  SCHOOL_FIELDS_OFFICE_ONLY: 'Schulnummer, Name und Schulform einer Schule ändert nur das Schulverwaltungsamt.',
  SCHOOLS_ASSIGNED_BY_OFFICE: 'Schulen weist das Schulverwaltungsamt des Schulträgers zu.',
  USERS_MANAGED_BY_OFFICE: 'Die Benutzerkonten eines Schulträgers verwaltet sein Schulverwaltungsamt.',
  AUTHORITY_HAS_OFFICE: 'Der Schulträger hat schon ein Schulverwaltungsamt; es legt weitere Benutzerkonten an.',
  ADMIN_CREATES_ADMINS_ONLY: 'Nur die Plattform-Administration legt Administrationskonten an.',
  ADMIN_CREATES_FIRST_OFFICE_ONLY: 'Die Plattform-Administration legt nur die ersten Konten des Schulverwaltungsamts an; weitere legt das Amt selbst an.',

  // Needs requests.
  NEED_ACTION_ROLE: 'Das dürfen nur diese Rollen: {roles:role}.',
  NEED_ACTION_STATUS: 'Eine Bedarfsmeldung mit dem Status „{currentStatus:needStatus}“ kann das nicht (nur bei: {allowedFrom:needStatus}).',

  // Grants.
  GRANT_STATUS_TRANSITION: 'Ein Förderprogramm mit dem Status „{currentStatus:grantStatus}“ kann nicht „{requestedStatus:grantStatus}“ werden.',
  GRANT_READ_ONLY: 'Das Förderprogramm hat den Status „{status:grantStatus}“ und kann nicht mehr geändert werden.',
  GRANT_APPROVED_BELOW_ALLOCATIONS: 'Der bewilligte Betrag ({approvedCents:euro}) darf nicht unter der Summe der Budgets der Schulen ({allocatedCents:euro}) liegen.',
  GRANT_APPROVED_BELOW_COMMITTED: 'Der bewilligte Betrag ({approvedCents:euro}) darf nicht unter den gebundenen Mitteln ({committedCents:euro}) liegen.',
  GRANT_INVOICES_OUTSIDE_PERIOD: '{invoicesOutside:int} Rechnung(en) lägen dann außerhalb des förderfähigen Zeitraums.',
  GRANT_HAS_EXPENDITURES: 'Das Förderprogramm hat noch {expenditures:int} Bestellung(en) oder Rechnung(en). Bitte löschen Sie diese zuerst.',
  GRANT_HAS_NEEDS: 'Das Förderprogramm ist bei {needs:int} Bedarfsmeldung(en) als Finanzierung eingetragen. Bitte ordnen Sie diese zuerst einem anderen oder keinem Förderprogramm zu.',
  GRANT_REFERENCE_TAKEN: 'Ein Förderprogramm mit diesem Aktenzeichen gibt es bei diesem Schulträger schon.',
  GRANT_ALLOCATION_EXCEEDS_BUDGET:
    'Die Budgets der Schulen würden den bewilligten Betrag ({approvedCents:euro}) übersteigen; für diese Schule sind noch {availableCents:euro} frei.',
  ALLOCATION_BELOW_COMMITTED: 'Das Budget darf nicht unter dem liegen, was die Schule schon gebunden hat ({committedCents:euro}).',
  ALLOCATION_HAS_EXPENDITURES: 'Die Schule hat in diesem Förderprogramm Bestellungen oder Rechnungen; ihr Budget kann nicht entfernt werden.',
  ALLOCATION_EXISTS: 'Die Schule hat in diesem Förderprogramm schon ein Budget.',
  EXPENDITURE_EXCEEDS_BUDGET:
    'Diese Bestellung übersteigt {limit:budgetLimit}. Das Schulverwaltungsamt kann sie mit Begründung trotzdem zulassen.',
  DEVICE_LINKED_ELSEWHERE: 'Ein Gerät gehört zu höchstens einer Rechnung; {count:int} der Geräte sind schon einer anderen zugeordnet.',
  INVOICE_NUMBER_TAKEN: 'Dieser Anbieter hat schon eine Rechnung mit dieser Nummer bei diesem Schulträger.',

  // Licences.
  LICENCE_SEATS_EXCEED_CONTRACT: 'Die Schulen bekämen mehr Plätze ({requestedSeats:int}) als der Vertrag hat ({contractSeats:int}).',
  LICENCE_PRODUCT_NAME_TAKEN: 'Im Katalog gibt es schon ein Produkt dieses Namens von diesem Anbieter.',
} as const;

export type ReasonCode = keyof typeof REASON_TEXTS;
/** Every reason, for tests and clients that list them. */
export const REASON_CODES = Object.keys(REASON_TEXTS) as ReasonCode[];

/** German text of every field-error `code` (class-validator's constraint names and our own), shown beside the field. */
const FIELD_TEXTS = {
  // class-validator's constraints (and our decorators in src/common/validation.ts).
  isNotEmpty: 'Bitte ausfüllen.',
  isString: 'Bitte einen Text eingeben.',
  maxLength: 'Höchstens {max:int} Zeichen.',
  minLength: 'Mindestens {min:int} Zeichen.',
  isIn: 'Bitte einen der vorgesehenen Werte wählen.',
  min: 'Der Wert muss mindestens {min:num} sein.',
  max: 'Der Wert darf höchstens {max:num} sein.',
  isInt: 'Bitte eine ganze Zahl eingeben.',
  isNumber: 'Bitte eine Zahl eingeben.',
  isBoolean: 'Bitte ja oder nein wählen.',
  isUuid: 'Das ist keine gültige Kennung.',
  isDateOnly: 'Bitte ein gültiges Datum eingeben.',
  isMonthDay: 'Bitte einen Tag des Jahres als MM-TT angeben (nicht 02-29).',
  isEmail: 'Bitte eine gültige E-Mail-Adresse eingeben.',
  isUrl: 'Bitte eine gültige Internetadresse eingeben.',
  isSchoolNumber: 'Die Schulnummer hat 4 bis 8 Ziffern.',
  isPostalCode: 'Die Postleitzahl hat fünf Ziffern.',
  matches: 'Das Format stimmt nicht.',
  isArray: 'Bitte eine Liste angeben.',
  isObject: 'Bitte ein Objekt angeben.',
  arrayMaxSize: 'Höchstens {max:int} Einträge.',
  arrayMinSize: 'Mindestens {min:int} Einträge.',
  arrayUnique: 'Jeder Eintrag darf nur einmal vorkommen.',
  isNumberMap: 'Ein Wert ist ungültig.',
  nestedValidation: 'Bitte prüfen Sie die Einträge.',
  whitelistValidation: 'Dieses Feld ist hier nicht vorgesehen.',
  unsafeText: 'Der Text enthält unzulässige Zeichen.',
  invalid: 'Der Wert ist ungültig.',
  invalidCursor: 'Die Seitenangabe ist ungültig. Bitte laden Sie die Liste neu.',

  // Our rules.
  taken: 'Dieser Wert ist schon vergeben.',
  unknownRecord: 'Diesen Eintrag gibt es bei diesem Schulträger nicht.',
  notEmptiable: 'Dieses Feld darf nicht geleert werden.',
  notInFuture: 'Das Datum darf nicht in der Zukunft liegen.',
  notBefore: 'Das Datum darf nicht vor dem {date:date} liegen.',
  maxYearsAfter: 'Das Datum darf höchstens {years:int} Jahre nach dem {date:date} liegen.',
  intRange: 'Bitte eine ganze Zahl von {min:int} bis {max:int} angeben.',
  borrowerRequired: 'Bitte Kennung oder Namen der entleihenden Person angeben.',
  invoicePair: 'Rechnungsnummer und Rechnungsdatum gehören zusammen.',
  outsideEligiblePeriod: 'Das Datum muss im förderfähigen Zeitraum vom {from:date} bis {until:date} liegen.',
  paymentNeedsInvoice: 'Eine Zahlung braucht eine Rechnung (Nummer und Datum).',
  unknownDevices: '{count:int} Gerät(e) gibt es bei diesem Schulträger nicht.',
  newGrantStatus: 'Ein neues Förderprogramm ist geplant oder bewilligt.',
  notYourself: 'Sie können sich nicht selbst deaktivieren oder Ihre eigene Rolle ändern.',
  ownPassword: 'Ihr eigenes Passwort ändern Sie mit dem bisherigen Passwort (Passwort ändern), nicht in der Benutzerverwaltung.',
  adminRoleSwitch: 'Ein Administrationskonto kann nicht zu einem Konto eines Schulträgers werden und umgekehrt.',
  coordinatorsOnly: 'Nur IT-Koordinatorinnen und -Koordinatoren werden Schulen zugeordnet.',
  unknownSchools: '{count:int} Schule(n) gibt es bei diesem Schulträger nicht.',
  adminHasNoAuthority: 'Administrationskonten gehören zu keinem Schulträger.',
  authorityRequired: 'Bitte den Schulträger angeben.',
  passwordContainsEmail: 'Das Passwort darf die E-Mail-Adresse nicht enthalten.',
  passwordTooWeak: 'Das Passwort ist zu leicht zu erraten. Nehmen Sie einen längeren Satz aus mehreren ungewöhnlichen Wörtern.',
  passwordWrong: 'Das aktuelle Passwort ist falsch.',
  approvalIsComplete: 'Eine Genehmigung bewilligt genau das Beantragte; für weniger wählen Sie „teilweise genehmigt“.',
  partialNeedsValue: 'Eine teilweise Genehmigung braucht diesen Wert.',
  maxEuro: 'Höchstens {max:euro}.',
  minEuro: 'Mindestens {min:euro}.',
  notBeforeStart: 'Das Ende darf nicht vor dem Beginn liegen.',
  retireNeedsDate: 'Ein ausgesondertes Gerät braucht ein Aussonderungsdatum, und nur ein ausgesondertes hat eins.',
  onlyApprovedLinked: 'Nur genehmigte Bedarfsmeldungen werden einem Förderprogramm zugeordnet.',
  partialIsEverything: 'Das ist alles Beantragte: bitte „genehmigt“ wählen.',
  partialIsNothing: 'Das bewilligt nichts: bitte „abgelehnt“ wählen.',
  rejectionGrantsNothing: 'Eine Ablehnung bewilligt nichts.',
  rejectionNeedsReason: 'Eine Ablehnung braucht eine Begründung.',
  notMissingInStocktaking: 'Dieses Gerät fehlt in dieser Inventur nicht.',
  onlyForElsewhere: 'Nur für ein an einem anderen Ort gefundenes Gerät.',
  onlyForUnknown: 'Nur für einen unbekannten Scan.',
  alreadyAtSchool: 'Das Gerät ist schon an dieser Schule.',
  retireNeedsReason: 'Zum Aussondern bitte einen Aussonderungsgrund angeben.',
  onlyWhenRetiring: 'Nur beim Aussondern anzugeben.',
  startAtRange: 'Bitte ein Etikett von 1 bis {max:int} wählen.',
  nothingToPrint: 'Kein Gerät passt; nichts zu drucken.',
  fileRequired: 'Bitte eine Datei hochladen.',
  fileMalformed: 'Die Datei kann nicht gelesen werden.',
  fileNotWorkbook: 'Die Datei lässt sich nicht als Excel-Arbeitsmappe (.xlsx) lesen: beschädigt, verschlüsselt oder keine Excel-Datei. Bitte in Excel als „.xlsx“ oder als „CSV UTF-8“ speichern.',
  fileNotCsv: 'Die Datei ist keine Textdatei (CSV). Bitte als „CSV UTF-8“ oder „.xlsx“ speichern.',
  importEmpty: 'Die Datei ist leer.',
  importHeadingsMissing: 'Keine Überschriftenzeile gefunden: Die ersten Zeilen brauchen Spaltenüberschriften wie Inventarnummer, Seriennummer, Typ, Hersteller, Modell (die Vorlage zeigt sie).',
  importNoRows: 'Die Datei enthält nur die Überschriften, aber keine Geräte.',
  fileNotUtf8: 'Die Datei ist in UTF-8 gespeichert, aber Zeile {line:int} enthält ein Zeichen in einer anderen Kodierung. Bitte korrigieren Sie die Zeile oder speichern Sie die Datei als „CSV UTF-8“.',
  usageHeadingsMissing: 'Keine Kopfzeile gefunden: Die Datei braucht eine Spalte „Schulnummer“ und eine Spalte „genutzt“ (oder „aktive Nutzer“).',
  contractSchools: 'Ein Vertrag für alle Schulen hat keine Schulliste, einer für einzelne Schulen braucht sie.',
  dpaNeedsSignedOn: 'Zu einem AV-Vertrag gehört das Datum der Unterschrift.',
  noticePair: 'Kündigungsfrist und ihre Einheit gehören zusammen.',
  noticeNeeded: 'Ein sich automatisch verlängernder Vertrag braucht eine Kündigungsfrist.',
} as const;

export type FieldCode = keyof typeof FIELD_TEXTS;
export const FIELD_CODES = Object.keys(FIELD_TEXTS) as FieldCode[];

// Intl's euro keeps "€" on the line of its amount (a no-break space), as the web app's own formatEuro does.
const EURO = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const INT = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const NUM = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const DATE = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

const BUDGET_LIMITS = {
  school_allocation: 'das Budget der Schule',
  grant: 'den bewilligten Betrag des Förderprogramms',
  both: 'das Budget der Schule und den bewilligten Betrag des Förderprogramms',
};
// Lists of alternatives ("nur bei: Entwurf oder eingereicht"); the de-DE list format writes "A, B oder C".
const OR_LIST = new Intl.ListFormat('de-DE', { type: 'disjunction' });

const FORMATS: Record<string, (v: string | number) => string> = {
  date: (v) => {
    const d = new Date(`${String(v).slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? String(v) : DATE.format(d);
  },
  euro: (v) => (typeof v === 'number' ? EURO.format(v / 100) : String(v)),
  int: (v) => (typeof v === 'number' ? INT.format(v) : String(v)),
  // A limit that may have decimals (a target of 0,1 devices per teacher).
  num: (v) => (typeof v === 'number' ? NUM.format(v) : String(v)),
  entity: (v) => (ENTITIES as Record<string, string>)[v] ?? ENTITIES.record,
  budgetLimit: (v) => BUDGET_LIMITS[v as keyof typeof BUDGET_LIMITS] ?? String(v),
};

/** True for a format a template may name: the ones above or a label table. */
export const isKnownFormat = (format: string): boolean => format in FORMATS || format in labels;

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** The placeholders of a template: `[name, format]`. */
export function placeholdersOf(template: string): [string, string | undefined][] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => [m[1], m[2]]);
}

function formatValue(value: string | number, format: string | undefined): string {
  if (!format) return String(value);
  const fn = FORMATS[format];
  if (fn) return fn(value);
  if (format in labels) return labelOf(format as keyof typeof labels, String(value)) ?? String(value);
  return String(value);
}

/** Fills a template; a missing param shows as "…" (never `undefined`). */
export function fill(template: string, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string, format?: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') return '…';
    if (Array.isArray(value)) return OR_LIST.format(value.map((v) => formatValue(v, format)));
    if (typeof value === 'boolean') return value ? 'ja' : 'nein';
    return formatValue(value as string | number, format);
  });
}

export const reasonTemplate = (reason: string): string | undefined => (REASON_TEXTS as Record<string, string>)[reason];
export const fieldTemplate = (code: string): string | undefined => (FIELD_TEXTS as Record<string, string>)[code];

/** The German text of an error's reason, or undefined for a reason this version does not know (a newer server). */
export function reasonText(reason: string, params?: MessageParams): string | undefined {
  const template = reasonTemplate(reason);
  return template === undefined ? undefined : fill(template, params);
}

/** The German text of a field error's code, or undefined for an unknown code. */
export function fieldText(code: string, params?: MessageParams): string | undefined {
  const template = fieldTemplate(code);
  return template === undefined ? undefined : fill(template, params);
}

/** Placeholders of the reason's (or field code's) text that `params` leaves empty: for tests of the server's answers. */
export function missingParams(template: string | undefined, params: MessageParams = {}): string[] {
  if (template === undefined) return ['(unknown code)'];
  return placeholdersOf(template)
    .map(([name]) => name)
    .filter((name) => params[name] === undefined || params[name] === null || params[name] === '');
}
