/**
 * The German text of a grant summary's warning (Prüfhinweis), rendered from its stable `code` and its `params`
 * (amounts in cents, dates as 'YYYY-MM-DD', codes of the label tables). The API sends code and params; the web app,
 * the Verwendungsnachweis and anything else a person reads render them here. Pure (the web app imports it too).
 */
import { germanDate, germanEuro, germanPercent } from './format';
import { labelOf, labels } from './labels';

export type GrantWarningParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

const euro = (v: unknown) => (typeof v === 'number' ? germanEuro(v) : '–');
const date = (v: unknown) => (typeof v === 'string' ? germanDate(v) : '–');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

const TEXTS: { readonly [C in keyof typeof labels.grantWarning]: (p: GrantWarningParams) => string } = {
  mobile_device_cap: (p) =>
    p.variant === 'per_school'
      ? `Mobile Endgeräte dieser Schule kosten ${euro(p.mobileCents)}; erlaubt sind ${euro(p.capCents)} je Schule ` +
        `oder ${germanPercent(num(p.capPercent))} der Investitionen. Überschreitung: ${euro(p.excessCents)}.`
      : `Mobile Endgeräte kosten ${euro(p.mobileCents)} von ${euro(p.investmentCents)} Investitionen in allgemeinbildenden Schulen; ` +
        `erlaubt sind ${germanPercent(num(p.capPercent))} (${euro(p.capCents)}). Überschreitung: ${euro(p.excessCents)}.`,
  category_share: (p) =>
    `${typeof p.ruleLabel === 'string' && p.ruleLabel ? `${p.ruleLabel}: ` : ''}Auf „${labelOf('expenditureCategory', String(p.category))}“ entfallen ` +
    `${euro(p.categoryCents)} von ${euro(p.totalCents)} ${p.scope === 'school' ? 'der Schule' : 'des Förderprogramms'}; ` +
    `erlaubt sind höchstens ${germanPercent(num(p.maxSharePercent))}. Überschreitung: ${euro(p.excessCents)}.`,
  over_allocation: (p) =>
    `Die gebundenen Mittel der Schule (${euro(p.committedCents)}) übersteigen ihr Budget (${euro(p.allocatedCents)}) um ${euro(p.excessCents)}; ` +
    'vom Schulverwaltungsamt zugelassen.',
  over_approved: (p) =>
    `Die gebundenen Mittel (${euro(p.committedCents)}) übersteigen den bewilligten Betrag (${euro(p.approvedCents)}) um ${euro(p.excessCents)}; ` +
    'vom Schulverwaltungsamt zugelassen.',
  earmarking_breach: (p) =>
    `Gerät ${String(p.inventoryNumber)} wurde am ${date(p.leftOn)} ${p.status === 'lost' ? 'als verloren gemeldet' : 'ausgesondert'}, ` +
    `innerhalb der Zweckbindungsfrist (bis ${date(p.earmarkingEnd)}). Betroffener Förderbetrag: ${euro(p.amountAtRiskCents)}.`,
  proof_of_use_due: (p) => `Der Verwendungsnachweis ist am ${date(p.date)} fällig (${daysLeft(p.daysLeft)}).`,
  eligible_period_ending: (p) => `Der förderfähige Zeitraum endet am ${date(p.date)} (${daysLeft(p.daysLeft)}).`,
};

function daysLeft(v: unknown): string {
  const n = num(v);
  if (n < 0) return `seit ${-n} ${-n === 1 ? 'Tag' : 'Tagen'} überschritten`;
  if (n === 0) return 'heute';
  return `in ${n} ${n === 1 ? 'Tag' : 'Tagen'}`;
}

/** The German text of a warning; an unknown code (a newer server) shows its title, or the code. */
export function grantWarningText(code: string, params: GrantWarningParams): string {
  const text = (TEXTS as Record<string, ((p: GrantWarningParams) => string) | undefined>)[code];
  return text ? text(params) : labelOf('grantWarning', code) ?? code;
}
