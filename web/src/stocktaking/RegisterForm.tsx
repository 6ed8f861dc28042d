import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { fill, label, t } from '../i18n';
import { tStocktaking } from '../i18n/stocktaking';
import { Button, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import type { ScanEntry, ScanResult } from './scan-runner';

const TYPES: Schemas['DeviceType'][] = ['laptop', 'tablet', 'desktop', 'interactive_display', 'projector', 'document_camera', 'access_point', 'printer', 'other'];

/** An unknown scan registered as a device of this school (the scanned text becomes its inventory number), with a note. */
export function RegisterForm({ stocktakingId, entry, onDone, onCancel }: { stocktakingId: string; entry: ScanEntry; onDone: (r: ScanResult) => void; onCancel: () => void }) {
  const [type, setType] = useState<Schemas['DeviceType']>('laptop');
  const [manufacturer, setManufacturer] = useState('');
  const [model, setModel] = useState('');
  const [serial, setSerial] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/stocktakings/{id}/scans', {
          params: { path: { id: stocktakingId } },
          body: { tag: entry.tag, room: entry.room, note: note.trim() || undefined, createDevice: { type, manufacturer: manufacturer.trim(), model: model.trim(), serialNumber: serial.trim() || undefined } },
        }),
      ),
    onSuccess: onDone,
  });
  const apiError = save.error instanceof ApiError ? save.error : null;
  const { ref, refused } = useFocusOnRefusal(save.error);
  return (
    <form
      ref={ref}
      className="panel register"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const bad = !manufacturer.trim() || !model.trim();
        setInvalid(bad);
        if (!bad) save.mutate();
        else refused();
      }}
    >
      <h3>{fill(tStocktaking.registerTitle, { tag: entry.tag })}</h3>
      <div className="form-grid">
        <Select autoFocus label={tStocktaking.type} selectedKey={type} onSelectionChange={(k) => setType(k as Schemas['DeviceType'])} options={TYPES.map((v) => ({ value: v, label: label('deviceType', v) }))} />
        <TextField label={tStocktaking.manufacturer} value={manufacturer} onChange={setManufacturer} isRequired serverError={(invalid && !manufacturer.trim() ? tStocktaking.registerInvalid : undefined) ?? apiError?.fieldError('manufacturer')} />
        <TextField label={tStocktaking.model} value={model} onChange={setModel} isRequired serverError={(invalid && !model.trim() ? tStocktaking.registerInvalid : undefined) ?? apiError?.fieldError('model')} />
        <TextField label={tStocktaking.serialNumber} value={serial} onChange={setSerial} serverError={apiError?.fieldError('serialNumber')} />
      </div>
      <TextField label={tStocktaking.note} value={note} onChange={setNote} multiline serverError={apiError?.fieldError('note')} />
      {save.error && !apiError?.body.fieldErrors?.length && <ErrorNotice error={save.error} />}
      <div className="actions">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {tStocktaking.registerSave}
        </Button>
        <Button onPress={onCancel}>{t.cancel}</Button>
      </div>
    </form>
  );
}
