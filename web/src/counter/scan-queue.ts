import { useCallback, useRef, useState } from 'react';
import { explainError } from '../api/errors';
import type { BulkResult } from './counter-api';

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
        settled = batch.map((e, i) => {
          const r = result.results.find((x) => x.index === i);
          return r?.ok ? { ...e, state: 'ok', loanId: r.loanId } : { ...e, state: 'failed', message: r?.error?.message ?? '' };
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
