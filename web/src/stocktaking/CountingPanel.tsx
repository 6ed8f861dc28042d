import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { ScanField, type ScanFieldHandle } from '../counter/ScanField';
import { tStocktaking } from '../i18n/stocktaking';
import { Button, Checkbox, LiveRegion, Select } from '../ui/components';
import { RegisterForm } from './RegisterForm';
import { createScanRunner, describeScan, type ScanEntry } from './scan-runner';

type Detail = Schemas['StocktakingDetailDto'];
const NO_ROOM = '__ohne__';

/** The counting screen: the room, the scan field (scanner or camera, the focus stays), the live list of results. */
export function CountingPanel({ stocktaking, room, onRoom }: { stocktaking: Detail; room: string; onRoom: (room: string) => void }) {
  const queryClient = useQueryClient();
  const scanField = useRef<ScanFieldHandle>(null);
  const [entries, setEntries] = useState<ScanEntry[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [move, setMove] = useState(false);
  const [registering, setRegistering] = useState<number | null>(null);
  const runner = useMemo(
    () =>
      createScanRunner(
        (body) => unwrap(api.POST('/api/v1/stocktakings/{id}/scans', { params: { path: { id: stocktaking.id } }, body })),
        setEntries,
        (entry, last) => {
          setAnnouncement(`${entry.tag}: ${describeScan(entry, stocktaking.schoolId)}`);
          // The counts come from the server once the scanner pauses (not after every one of a quick burst).
          if (last) void queryClient.invalidateQueries({ queryKey: ['stocktakings', 'one', stocktaking.id] });
        },
      ),
    [stocktaking.id, stocktaking.schoolId, queryClient],
  );
  const rooms = stocktaking.progress.map((p) => p.room);
  return (
    <section aria-labelledby="count-title" className="counting">
      <h2 id="count-title" className="visually-hidden">
        {tStocktaking.countSection}
      </h2>
      <div className="filters">
        <Select
          label={tStocktaking.room}
          selectedKey={room === '' ? NO_ROOM : room}
          onSelectionChange={(k) => {
            onRoom(k === NO_ROOM ? '' : String(k));
            scanField.current?.focus();
          }}
          options={rooms.map((r) => ({ value: r === '' ? NO_ROOM : r, label: r || tStocktaking.noRoom }))}
        />
        <Checkbox
          isSelected={move}
          onChange={(v) => {
            setMove(v);
            scanField.current?.focus();
          }}
        >
          {tStocktaking.moveHere}
        </Checkbox>
      </div>
      <ScanField label={tStocktaking.scanLabel} handle={scanField} onScan={(code) => runner.scan(code, room, move)} />
      <LiveRegion message={announcement} />
      <h3 id="live-title">{tStocktaking.liveTitle}</h3>
      {entries.length === 0 ? (
        <p>{tStocktaking.noScans}</p>
      ) : (
        <ol className="results scans" reversed aria-labelledby="live-title">
          {entries.map((e) => (
            <li key={e.id} className={e.state === 'failed' ? 'failed' : e.result?.result === 'found' ? 'ok' : e.state === 'done' ? 'note' : ''} data-state={e.state} data-result={e.result?.result}>
              <span className="scan-tag">{e.tag}</span>
              <span>{e.room || tStocktaking.noRoom}</span>
              <strong>{describeScan(e, stocktaking.schoolId)}</strong>
              {e.result?.result === 'unknown' && !e.result.createdDeviceId && registering !== e.id && (
                <Button onPress={() => setRegistering(e.id)} aria-label={`${tStocktaking.register}: ${e.tag}`}>
                  {tStocktaking.register}
                </Button>
              )}
              {registering === e.id && (
                <RegisterForm
                  stocktakingId={stocktaking.id}
                  entry={e}
                  onDone={(result) => {
                    runner.replace(e.id, result);
                    setRegistering(null);
                    void queryClient.invalidateQueries({ queryKey: ['stocktakings', 'one', stocktaking.id] });
                    scanField.current?.focus();
                  }}
                  onCancel={() => {
                    setRegistering(null);
                    scanField.current?.focus();
                  }}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
