import { useCallback, useRef, useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { label, t } from '../i18n';
import { LiveRegion, RadioGroup } from '../ui/components';
import type { ReturnCondition } from './counter-api';
import { ResultList } from './ResultList';
import { CONDITION_OPTIONS } from './ReturnForm';
import { ScanField, type ScanFieldHandle } from './ScanField';
import { useScanQueue, type QueueEntry } from './scan-queue';

interface ReturnItem {
  inventoryNumber: string;
  condition: ReturnCondition;
}

/** Rückgabe nacheinander: scan, scan, scan; each device is taken back in the chosen condition, with a running list. */
export function ReturnMode() {
  const { schoolId } = useSchool();
  const [condition, setCondition] = useState<ReturnCondition>('ok');
  const [announcement, setAnnouncement] = useState('');
  const scanField = useRef<ScanFieldHandle>(null);
  const send = useCallback((items: ReturnItem[]) => unwrap(api.POST('/api/v1/loans/bulk-return', { body: { schoolId: schoolId ?? undefined, items } })), [schoolId]);
  const onSettled = useCallback((done: QueueEntry<ReturnItem>[]) => {
    const last = done[done.length - 1];
    setAnnouncement(`${last.item.inventoryNumber}: ${last.state === 'ok' ? t.counter.okReturned : `${t.counter.failed}. ${last.message}`}`);
  }, []);
  const { entries, enqueue } = useScanQueue(send, onSettled);

  return (
    <>
      <RadioGroup
        label={t.counter.returnCondition}
        value={condition}
        onChange={(v) => {
          setCondition(v as ReturnCondition);
          scanField.current?.focus();
        }}
        options={CONDITION_OPTIONS}
        orientation="horizontal"
      />
      <ScanField onScan={(code) => enqueue({ inventoryNumber: code, condition })} handle={scanField} />
      <LiveRegion message={announcement} />
      <ResultList entries={entries} okText={t.counter.okReturned} describe={(i) => `${i.inventoryNumber} (${label('returnCondition', i.condition)})`} />
    </>
  );
}
