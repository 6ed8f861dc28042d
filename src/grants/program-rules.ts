import { proRata } from './money';

export const GRANT_WARNING_CODES = [
  'mobile_device_cap',
  'category_share',
  'over_allocation',
  'over_approved',
  'earmarking_breach',
  'proof_of_use_due',
  'eligible_period_ending',
] as const;
export type GrantWarningCode = (typeof GRANT_WARNING_CODES)[number];

/** A program rule that does not block spending but shows in the summary. */
export interface GrantWarning {
  code: GrantWarningCode;
  message: string;
  schoolId?: string;
  /** The money concerned: the excess over a cap, the amount at risk, the overspent amount. */
  amountCents?: number;
  details?: Record<string, unknown>;
  /** What the German text of the code needs (`grantWarningText` in src/i18n/grant-warnings.ts): cents, ISO dates, codes. */
  params: Record<string, string | number | boolean | null>;
}

export const MOBILE_CAP_PERCENT = 20;
export const MOBILE_CAP_PER_SCHOOL_CENTS = 2_500_000;

export interface MobileCapSchoolInput {
  schoolId: string;
  /** Committed spending of the grant at this school (all categories). */
  investmentCents: number;
  /** The part of it spent on mobile devices (laptops, tablets). */
  mobileCents: number;
}

export interface MobileCapResult {
  investmentCents: number;
  mobileCents: number;
  /** 20 % of the investment at all general-education schools of the grant. */
  authorityCapCents: number;
  perSchoolCapCents: number;
  /** The variant that leaves the smaller excess (the more favourable one for the authority). */
  variant: 'authority_share' | 'per_school';
  excessCents: number;
  schools: (MobileCapSchoolInput & { excessOverPerSchoolCapCents: number })[];
}

/**
 * DigitalPakt Basis mobile-device cap, for general-education schools only (the caller leaves out
 * vocational schools). Mobile devices may take at most 20 % of the authority's total investment in those
 * schools, or EUR 25,000 per school, whichever is more favourable. We compute both variants:
 * - authority share: excess = max(0, Σ mobile − round(20 % × Σ investment));
 * - per school: excess = Σ max(0, mobile_s − 25,000 EUR) (a school's unused amount cannot help another);
 * and apply the one with the smaller excess (per school on a tie). It is judged at the end of the
 * programme, so this is the running figure, a warning and never a block.
 */
export function mobileDeviceCap(schools: MobileCapSchoolInput[]): MobileCapResult {
  const investmentCents = schools.reduce((s, x) => s + x.investmentCents, 0);
  const mobileCents = schools.reduce((s, x) => s + x.mobileCents, 0);
  const authorityCapCents = proRata(investmentCents, MOBILE_CAP_PERCENT, 100);
  const authorityExcess = Math.max(0, mobileCents - authorityCapCents);
  const withExcess = schools.map((x) => ({ ...x, excessOverPerSchoolCapCents: Math.max(0, x.mobileCents - MOBILE_CAP_PER_SCHOOL_CENTS) }));
  const perSchoolExcess = withExcess.reduce((s, x) => s + x.excessOverPerSchoolCapCents, 0);
  const variant = perSchoolExcess <= authorityExcess ? 'per_school' : 'authority_share';
  return {
    investmentCents,
    mobileCents,
    authorityCapCents,
    perSchoolCapCents: MOBILE_CAP_PER_SCHOOL_CENTS,
    variant,
    excessCents: variant === 'per_school' ? perSchoolExcess : authorityExcess,
    schools: withExcess,
  };
}

export function mobileCapWarnings(result: MobileCapResult): GrantWarning[] {
  if (result.excessCents === 0) return [];
  if (result.variant === 'authority_share') {
    return [
      {
        code: 'mobile_device_cap',
        message: `Mobile devices take more than ${MOBILE_CAP_PERCENT} % of the investment in general-education schools`,
        amountCents: result.excessCents,
        details: { variant: result.variant, mobileCents: result.mobileCents, investmentCents: result.investmentCents, capCents: result.authorityCapCents },
        params: {
          variant: result.variant,
          mobileCents: result.mobileCents,
          investmentCents: result.investmentCents,
          capCents: result.authorityCapCents,
          capPercent: MOBILE_CAP_PERCENT,
          excessCents: result.excessCents,
        },
      },
    ];
  }
  return result.schools
    .filter((s) => s.excessOverPerSchoolCapCents > 0)
    .map((s) => ({
      code: 'mobile_device_cap' as const,
      message: `Mobile devices at this school exceed EUR 25,000 and ${MOBILE_CAP_PERCENT} % of the investment in general-education schools`,
      schoolId: s.schoolId,
      amountCents: s.excessOverPerSchoolCapCents,
      details: { variant: result.variant, mobileCents: s.mobileCents, capCents: result.perSchoolCapCents, authorityCapCents: result.authorityCapCents },
      params: { variant: result.variant, mobileCents: s.mobileCents, capCents: result.perSchoolCapCents, capPercent: MOBILE_CAP_PERCENT, excessCents: s.excessOverPerSchoolCapCents },
    }));
}

/** A rule the authority configures in its settings (section `grants`). */
export interface CategoryShareRule {
  /** Applies to grants of this program only; all programs when absent. */
  program?: string;
  category: string;
  /** Spending in the category may take at most this share of the committed spending. */
  maxSharePercent: number;
  /** `grant`: of the whole grant; `school`: of each school's spending. */
  scope: 'grant' | 'school';
  /** Shown with the warning, e.g. the clause of the state's guideline. */
  label?: string;
}

export interface CategorySpending {
  schoolId: string;
  category: string;
  committedCents: number;
}

/** Warnings for configured category-share rules: a share above the limit warns with the excess in cents. */
export function categoryShareWarnings(program: string, rules: CategoryShareRule[], spending: CategorySpending[]): GrantWarning[] {
  const warnings: GrantWarning[] = [];
  for (const rule of rules) {
    if (rule.program && rule.program !== program) continue;
    const groups = new Map<string | undefined, { total: number; inCategory: number }>();
    for (const s of spending) {
      const key = rule.scope === 'school' ? s.schoolId : undefined;
      const g = groups.get(key) ?? { total: 0, inCategory: 0 };
      g.total += s.committedCents;
      if (s.category === rule.category) g.inCategory += s.committedCents;
      groups.set(key, g);
    }
    for (const [schoolId, g] of groups) {
      // Integer comparison: inCategory / total > max% ⇔ inCategory × 10000 > total × max% × 100.
      const limitBp = Math.round(rule.maxSharePercent * 100);
      if (g.total === 0 || BigInt(g.inCategory) * 10000n <= BigInt(g.total) * BigInt(limitBp)) continue;
      const capCents = proRata(g.total, limitBp, 10000);
      warnings.push({
        code: 'category_share',
        message: `${rule.label ?? `Spending on ${rule.category}`} exceeds ${rule.maxSharePercent} % of the ${rule.scope === 'school' ? "school's" : "grant's"} spending`,
        ...(schoolId ? { schoolId } : {}),
        amountCents: Math.max(0, g.inCategory - capCents),
        details: { category: rule.category, maxSharePercent: rule.maxSharePercent, categoryCents: g.inCategory, totalCents: g.total },
        params: {
          category: rule.category,
          scope: rule.scope,
          ruleLabel: rule.label ?? null,
          maxSharePercent: rule.maxSharePercent,
          categoryCents: g.inCategory,
          totalCents: g.total,
          excessCents: Math.max(0, g.inCategory - capCents),
        },
      });
    }
  }
  return warnings;
}
