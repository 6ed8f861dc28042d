import type { Schemas } from '../api/client';
import { tNeeds } from '../i18n/needs';
import { formatEuro, parseEuroToCents } from '../ui/format';

export type Need = Schemas['NeedDto'];
export type NeedCategory = Schemas['NeedCategory'];
export type NeedPriority = Schemas['NeedPriority'];

export const CATEGORIES: NeedCategory[] = ['student_devices', 'teacher_devices', 'displays', 'wlan', 'broadband', 'software', 'training', 'other'];
export const PRIORITIES: NeedPriority[] = ['high', 'medium', 'low'];

/** What the form holds: text as typed (the amount as euros). */
export interface NeedValues {
  category: NeedCategory;
  title: string;
  quantity: string;
  cost: string;
  priority: NeedPriority;
  justification: string;
}

export const emptyValues = (): NeedValues => ({ category: 'student_devices', title: '', quantity: '1', cost: '', priority: 'medium', justification: '' });

/** A need's values for editing: cents back to euros as a German types them ("14.400,00"). */
export const valuesOf = (n: Need): NeedValues => ({
  category: n.category,
  title: n.title,
  quantity: String(n.quantity),
  cost: formatEuro(n.estimatedCostCents).replace(/\s?€$/, ''),
  priority: n.priority,
  justification: n.justification,
});

export type NeedBody = Pick<Schemas['CreateNeedDto'], 'category' | 'title' | 'quantity' | 'estimatedCostCents' | 'justification' | 'priority'>;

/** The API's rules (CreateNeedDto) checked before sending: the body, or the German message per field (API field names). */
export function validateNeed(v: NeedValues): { body: NeedBody } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const title = v.title.trim();
  const justification = v.justification.trim();
  const quantity = /^\d+$/.test(v.quantity.trim()) ? Number(v.quantity.trim()) : NaN;
  const cents = parseEuroToCents(v.cost);
  if (title.length < 3 || title.length > 200) errors.title = tNeeds.titleInvalid;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000) errors.quantity = tNeeds.quantityInvalid;
  if (cents === null || cents < 0) errors.estimatedCostCents = tNeeds.costInvalid;
  if (justification.length < 10 || justification.length > 5000) errors.justification = tNeeds.justificationInvalid;
  if (Object.keys(errors).length) return { errors };
  return { body: { category: v.category, title, quantity, estimatedCostCents: cents!, justification, priority: v.priority } };
}
