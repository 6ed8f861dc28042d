import type { ReactNode } from 'react';
import { fill, t } from '../i18n';
import type { QueueEntry } from './scan-queue';

/** The running list of a class or return session: newest first, one result per scanned device. */
export function ResultList<T>({ entries, describe, okText, extra }: { entries: QueueEntry<T>[]; describe: (item: T) => ReactNode; okText: string; extra?: (e: QueueEntry<T>) => ReactNode }) {
  const ok = entries.filter((e) => e.state === 'ok').length;
  const failed = entries.filter((e) => e.state === 'failed').length;
  return (
    <section aria-labelledby="results-title" className="results-section">
      <h2 id="results-title">
        {t.counter.results} <span className="badge">{fill(t.counter.summary, { ok, failed })}</span>
      </h2>
      {entries.length === 0 ? (
        <p>{t.counter.noResults}</p>
      ) : (
        <ol className="results" reversed>
          {entries.map((e) => (
            <li key={e.id} className={e.state} data-state={e.state}>
              <span>{describe(e.item)}</span>
              <strong>{e.state === 'pending' ? t.counter.pending : e.state === 'ok' ? okText : `${t.counter.failed}: ${e.message}`}</strong>
              {extra?.(e)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
