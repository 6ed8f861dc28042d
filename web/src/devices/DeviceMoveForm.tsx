import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { fill, t } from '../i18n';
import { Button, ErrorNotice, Select, TextField } from '../ui/components';
import type { DeviceDetail } from './devices-api';

/** Moves the device to another school the user may write to (the office: any of the authority). */
export function DeviceMoveForm({ device }: { device: DeviceDetail }) {
  const queryClient = useQueryClient();
  const { schools } = useSchool();
  const others = schools.filter((s) => s.id !== device.schoolId);
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [location, setLocation] = useState('');
  const [reason, setReason] = useState('');
  const move = useMutation({
    mutationFn: (to: string) =>
      unwrap(api.POST('/api/v1/devices/{id}/move', { params: { path: { id: device.id } }, body: { schoolId: to, location: location.trim() || undefined, reason: reason.trim() || undefined, version: device.version } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['devices', device.id], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['devices', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['devices', device.id, 'history'] });
    },
  });
  const fieldError = (f: string) => (move.error instanceof ApiError ? move.error.fieldError(f) : undefined);
  return (
    <section className="panel" aria-labelledby="device-move">
      <h2 id="device-move">{t.devices.moveTitle}</h2>
      {others.length === 0 ? (
        <p>{t.devices.noOtherSchool}</p>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (schoolId) move.mutate(schoolId);
          }}
        >
          <Select label={t.devices.moveTo} selectedKey={schoolId} onSelectionChange={(k) => setSchoolId(String(k))} placeholder={t.devices.moveTo} isRequired options={others.map((s) => ({ value: s.id, label: s.name }))} serverError={fieldError('schoolId')} />
          <TextField label={t.devices.moveRoom} value={location} onChange={setLocation} serverError={fieldError('location')} />
          <TextField label={t.devices.moveReason} value={reason} onChange={setReason} serverError={fieldError('reason')} />
          {move.error && <ErrorNotice error={move.error} />}
          {move.isSuccess && (
            <p className="notice notice-success" role="status">
              {fill(t.devices.moved, { school: schools.find((x) => x.id === move.data.schoolId)?.name ?? '' })}
            </p>
          )}
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={!schoolId || move.isPending}>
              {t.devices.move}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
