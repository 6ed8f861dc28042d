import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { label, t } from '../i18n';
import { tDevices } from '../i18n/devices';
import { Button, DateInput, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { changesOf, draftOf, type DeviceDraft } from './device-edit';
import { DEVICE_TYPES } from './device-filters';
import type { DeviceDetail } from './devices-api';

/** Edits the device's data with the version it was read at; a change by someone else in between is explained (reload). */
export function DeviceEditForm({ device }: { device: DeviceDetail }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DeviceDraft>(() => draftOf(device));
  const [note, setNote] = useState<'saved' | 'nothing' | 'price' | null>(null);
  const set = <K extends keyof DeviceDraft>(key: K) => (value: DeviceDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof changesOf>) => unwrap(api.PATCH('/api/v1/devices/{id}', { params: { path: { id: device.id } }, body: 'body' in body ? body.body : { version: device.version } })),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: ['devices', device.id], exact: true });
      setDraft(draftOf(updated));
      void queryClient.invalidateQueries({ queryKey: ['devices', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['devices', device.id, 'history'] });
    },
  });
  const fieldError = (field: string) => (save.error instanceof ApiError ? save.error.fieldError(field) : undefined);
  const { ref, refused } = useFocusOnRefusal(save.error);
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const result = changesOf(device, draft);
    if ('priceInvalid' in result) return (setNote('price'), refused());
    if (result.changed === 0) return setNote('nothing');
    setNote(null);
    save.mutate(result);
  };
  return (
    <section className="panel" aria-labelledby="device-edit">
      <h2 id="device-edit">{tDevices.editTitle}</h2>
      <form className="form" onSubmit={onSubmit} noValidate ref={ref}>
        <div className="form-grid">
          <TextField label={tDevices.inventoryNumber} value={draft.inventoryNumber} onChange={set('inventoryNumber')} isRequired serverError={fieldError('inventoryNumber')} />
          <TextField label={tDevices.serialNumber} value={draft.serialNumber} onChange={set('serialNumber')} serverError={fieldError('serialNumber')} />
          <Select label={tDevices.type} selectedKey={draft.type} onSelectionChange={(k) => set('type')(k as DeviceDraft['type'])} options={DEVICE_TYPES.map((v) => ({ value: v, label: label('deviceType', v) }))} serverError={fieldError('type')} />
          <TextField label={tDevices.manufacturer} value={draft.manufacturer} onChange={set('manufacturer')} isRequired serverError={fieldError('manufacturer')} />
          <TextField label={tDevices.model} value={draft.model} onChange={set('model')} isRequired serverError={fieldError('model')} />
          <TextField label={tDevices.operatingSystem} value={draft.operatingSystem} onChange={set('operatingSystem')} serverError={fieldError('operatingSystem')} />
          <TextField label={tDevices.room} value={draft.location} onChange={set('location')} serverError={fieldError('location')} />
          <TextField label={tDevices.purchasePrice} value={draft.price} onChange={set('price')} inputMode="decimal" serverError={note === 'price' ? tDevices.priceInvalid : fieldError('purchasePriceCents')} />
          <DateInput label={tDevices.purchaseDate} value={draft.purchaseDate} onChange={set('purchaseDate')} serverError={fieldError('purchaseDate')} />
          <DateInput label={tDevices.commissionedOn} value={draft.commissionedOn} onChange={set('commissionedOn')} serverError={fieldError('commissionedOn')} />
          <DateInput label={tDevices.warrantyUntil} value={draft.warrantyUntil} onChange={set('warrantyUntil')} serverError={fieldError('warrantyUntil')} />
        </div>
        <TextField label={tDevices.notes} value={draft.notes} onChange={set('notes')} multiline serverError={fieldError('notes')} />
        {save.error && <ErrorNotice error={save.error} />}
        {note === 'nothing' && <p role="status">{tDevices.nothingChanged}</p>}
        {save.isSuccess && (
          <p className="notice notice-success" role="status">
            {tDevices.saved}
          </p>
        )}
        <div className="actions">
          <Button type="submit" variant="primary" isPending={save.isPending}>
            {t.save}
          </Button>
        </div>
      </form>
    </section>
  );
}
