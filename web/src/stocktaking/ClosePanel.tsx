import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { needsEarmarkingConfirmation } from '../counter/counter-api';
import { fill, t } from '../i18n';
import { tStocktaking } from '../i18n/stocktaking';
import { Button, Checkbox, ErrorNotice, QueryView, RadioGroup } from '../ui/components';
import { ConfirmDialog } from '../ui/ConfirmDialog';

type Action = Schemas['StocktakingMissingAction'];
type Missing = Schemas['MissingDeviceDto'];

/** Every missing device (keyset pages of 200). */
export async function allMissing(id: string): Promise<Missing[]> {
  const items: Missing[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 250; page++) {
    const result = await unwrap(api.GET('/api/v1/stocktakings/{id}/missing', { params: { path: { id }, query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

/** Closing: the missing devices, a decision per device or for all, the earmarking confirmation when the API asks for it. */
export function ClosePanel({ stocktakingId, onCancel, onClosed }: { stocktakingId: string; onCancel: () => void; onClosed: (markedLost: number) => void }) {
  const queryClient = useQueryClient();
  const missing = useQuery({ queryKey: ['stocktakings', 'missing', stocktakingId], queryFn: () => allMissing(stocktakingId) });
  const [fallback, setFallback] = useState<Action>('keep_open');
  const [decisions, setDecisions] = useState<Record<string, Action>>({});
  const [confirmed, setConfirmed] = useState(false);
  const close = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/stocktakings/{id}/close', {
          params: { path: { id: stocktakingId } },
          body: { missing: fallback, decisions: Object.entries(decisions).map(([deviceId, action]) => ({ deviceId, action })), confirmEarmarkingBreach: confirmed || undefined },
        }),
      ),
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: ['stocktakings'] });
      void queryClient.invalidateQueries({ queryKey: ['devices'] });
      onClosed(detail.markedLost);
    },
  });
  const earmarking = needsEarmarkingConfirmation(close.error);
  // Booking devices as lost cannot be undone (nor can the closing): asked first, naming how many (not again once the
  // earmarking warning's box is ticked: that was the same question, answered).
  const toLose = (missing.data ?? []).filter((d) => (decisions[d.deviceId] ?? fallback) === 'mark_lost').length;
  const [asking, setAsking] = useState(false);
  const setAll = (action: Action) => {
    setFallback(action);
    setDecisions({});
  };
  const options = [
    { value: 'mark_lost' as const, label: tStocktaking.markLost },
    { value: 'keep_open' as const, label: tStocktaking.keepOpen },
  ];
  return (
    <section className="panel" aria-labelledby="close-title">
      <h2 id="close-title" tabIndex={-1}>
        {tStocktaking.closeTitle}
      </h2>
      <QueryView query={missing} empty={<p>{tStocktaking.noneMissing}</p>}>
        {(data) => (
          <>
            <p>{tStocktaking.closeIntro}</p>
            <div className="actions">
              <Button onPress={() => setAll('mark_lost')}>{tStocktaking.allLost}</Button>
              <Button onPress={() => setAll('keep_open')}>{tStocktaking.allOpen}</Button>
            </div>
            <div className="table-wrap">
              <table className="stack-table missing">
                <caption className="visually-hidden">{tStocktaking.closeTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.counter.inventoryNumber}</th>
                    <th scope="col">{tStocktaking.model}</th>
                    <th scope="col">{tStocktaking.rooms}</th>
                    <th scope="col">{tStocktaking.decision}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((m) => (
                    <tr key={m.deviceId}>
                      <th scope="row">{m.inventoryNumber}</th>
                      <td data-label={tStocktaking.model}>{m.model}</td>
                      <td data-label={tStocktaking.rooms}>{m.room || tStocktaking.noRoom}</td>
                      <td>
                        <RadioGroup
                          label={`${tStocktaking.decision}: ${m.inventoryNumber}`}
                          value={decisions[m.deviceId] ?? fallback}
                          onChange={(v) => setDecisions((d) => ({ ...d, [m.deviceId]: v as Action }))}
                          options={options}
                          orientation="horizontal"
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryView>
      {earmarking ? (
        <div className="notice notice-warning" role="alert">
          <p>{tStocktaking.earmarking}</p>
          <Checkbox isSelected={confirmed} onChange={setConfirmed}>
            {tStocktaking.earmarkingConfirm}
          </Checkbox>
        </div>
      ) : (
        close.error && <ErrorNotice error={close.error} />
      )}
      <div className="actions">
        <Button variant="primary" onPress={() => (toLose > 0 && !confirmed ? setAsking(true) : close.mutate())} isDisabled={missing.isPending || (earmarking && !confirmed)} isPending={close.isPending}>
          {tStocktaking.close}
        </Button>
        <Button onPress={onCancel}>{t.cancel}</Button>
      </div>
      <ConfirmDialog
        isOpen={asking}
        title={fill(tStocktaking.confirmLostTitle, { count: toLose })}
        confirmLabel={fill(tStocktaking.confirmLost, { count: toLose })}
        onConfirm={() => (setAsking(false), close.mutate())}
        onCancel={() => setAsking(false)}
      >
        <p>{tStocktaking.confirmLostText}</p>
      </ConfirmDialog>
    </section>
  );
}
