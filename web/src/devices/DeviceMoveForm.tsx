import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { fill } from '../i18n';
import { tDevices } from '../i18n/devices';
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
      <h2 id="device-move">{tDevices.moveTitle}</h2>
      {others.length === 0 ? (
        <p>{tDevices.noOtherSchool}</p>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (schoolId) move.mutate(schoolId);
          }}
        >
          <Select label={tDevices.moveTo} selectedKey={schoolId} onSelectionChange={(k) => setSchoolId(String(k))} placeholder={tDevices.moveTo} isRequired options={others.map((s) => ({ value: s.id, label: s.name }))} serverError={fieldError('schoolId')} />
          <TextField label={tDevices.moveRoom} value={location} onChange={setLocation} serverError={fieldError('location')} />
          <TextField label={tDevices.moveReason} value={reason} onChange={setReason} serverError={fieldError('reason')} />
          {move.error && <ErrorNotice error={move.error} />}
          {move.isSuccess && (
            <p className="notice notice-success" role="status">
              {fill(tDevices.moved, { school: schools.find((x) => x.id === move.data.schoolId)?.name ?? '' })}
            </p>
          )}
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={!schoolId} isPending={move.isPending}>
              {tDevices.move}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
