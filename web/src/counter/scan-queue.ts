import { useCallback, useRef, useState } from 'react';
import { ApiError, explainError, loadErrorTexts } from '../api/errors';
import { fill, t } from '../i18n';
import type { BulkResult } from './counter-api';

/** The counter's words for the fields a bulk item can be refused for. */
const FIELD_LABELS: Record<string, string> = {
  borrowerName: t.counter.borrowerName,
  borrowerClass: t.counter.borrowerClass,
  borrowerReference: t.counter.borrowerReference,
  inventoryNumber: t.counter.inventoryNumber,
  dueOn: t.counter.dueOn,
  condition: t.counter.condition,
};

/**
 * Why one scanned item was refused, in the counter's German: an unknown number as the single scan says it, a wrong
 * field by its label and message ("Name: Höchstens 200 Zeichen."), else the reason's text (never the API's English).
 */
export function itemErrorText(result: BulkResult['results'][number] | undefined): string {
  if (!result?.error) return t.errors.unexpected;
  const error = new ApiError(result.error.statusCode, result.error);
  if (error.code === 'NOT_FOUND') return fill(t.counter.notFound, { code: result.inventoryNumber });
  const fields = (result.error.fieldErrors ?? []).map((f) => `${FIELD_LABELS[f.field] ?? f.field}: ${error.fieldError(f.field)}`);
  if (fields.length > 0) return fields.join(' ');
  const { title, detail } = explainError(error);
  return detail ? `${title} ${detail}` : title;
}

export interface QueueEntry<T> {
  id: number;
  item: T;
  state: 'pending' | 'ok' | 'failed';
  message?: string;
  loanId?: string | null;
}

/**
 * Scans come faster than the server answers: each one is listed at once (pending) and sent in order; whatever queued
 * while a request was out goes in the next bulk request, so none is lost and none waits for a render.
 */
export function useScanQueue<T>(send: (items: T[]) => Promise<BulkResult>, onSettled?: (entries: QueueEntry<T>[]) => void) {
  const [entries, setEntries] = useState<QueueEntry<T>[]>([]);
  const pending = useRef<QueueEntry<T>[]>([]);
  const busy = useRef(false);
  const nextId = useRef(1);

  const drain = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    while (pending.current.length > 0) {
      const batch = pending.current.splice(0, pending.current.length);
      let settled: QueueEntry<T>[];
      try {
        const result = await send(batch.map((e) => e.item));
        if (result.results.some((r) => !r.ok)) await loadErrorTexts();
        settled = batch.map((e, i) => {
          const r = result.results.find((x) => x.index === i);
          return r?.ok ? { ...e, state: 'ok', loanId: r.loanId } : { ...e, state: 'failed', message: itemErrorText(r) };
        });
      } catch (error) {
        const { title, detail } = explainError(error);
        settled = batch.map((e) => ({ ...e, state: 'failed', message: detail ? `${title} ${detail}` : title }));
      }
      const byId = new Map(settled.map((e) => [e.id, e]));
      setEntries((list) => list.map((e) => byId.get(e.id) ?? e));
      onSettled?.(settled);
    }
    busy.current = false;
  }, [send, onSettled]);

  const enqueue = useCallback(
    (item: T) => {
      const entry: QueueEntry<T> = { id: nextId.current++, item, state: 'pending' };
      pending.current.push(entry);
      setEntries((list) => [entry, ...list]);
      void drain();
    },
    [drain],
  );

  return { entries, enqueue };
}
