import type { Schemas } from '../api/client';
import { formatEuro } from '../ui/format';
import { TypedValues } from '../ui/typed-values';

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
  const read = new TypedValues<'title' | 'quantity' | 'estimatedCostCents' | 'justification'>();
  const title = read.text('title', v.title, { min: 3, max: 200 });
  const quantity = read.wholeNumber('quantity', v.quantity, { min: 1, max: 1_000_000 });
  const estimatedCostCents = read.euro('estimatedCostCents', v.cost);
  const justification = read.text('justification', v.justification, { min: 10, max: 5000 });
  if (!read.ok) return { errors: read.errors as Record<string, string> };
  return { body: { category: v.category, title, quantity: quantity!, estimatedCostCents: estimatedCostCents!, justification, priority: v.priority } };
}
