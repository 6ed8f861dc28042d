import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { needsEarmarkingConfirmation } from '../counter/counter-api';
import { fill, label } from '../i18n';
import { tDevices } from '../i18n/devices';
import { Button, Checkbox, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { formatDate, formatEuro } from '../ui/format';
import type { DeviceDetail } from './devices-api';

type Target = Schemas['ChangeDeviceStatusDto']['status'];
const TARGETS: Target[] = ['available', 'in_use', 'in_repair', 'retired', 'lost'];

interface Breach {
  grantTitle?: string;
  earmarkingEnd?: string;
  amountAtRiskCents?: number;
}

/**
 * Status change with a reason. Retiring (or losing) a funded device inside its earmarking period is refused first;
 * the refusal's facts are shown with a checkbox that confirms it (`confirmEarmarkingBreach`).
 */
export function DeviceStatusForm({ device }: { device: DeviceDetail }) {
  const queryClient = useQueryClient();
  const targets = TARGETS.filter((s) => s !== device.status);
  const [chosen, setStatus] = useState<Target>(targets[0]);
  // After a change the device's status is no target any more: fall back to the first one.
  const status = targets.includes(chosen) ? chosen : targets[0];
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [breach, setBreach] = useState<Breach | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const change = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/devices/{id}/status', {
          params: { path: { id: device.id } },
          body: { status, reason: reason.trim() || undefined, version: device.version, confirmEarmarkingBreach: breach && confirmed ? true : undefined },
        }),
      ),
    onSuccess: () => {
      setBreach(null);
      setConfirmed(false);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['devices', device.id], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['devices', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['devices', device.id, 'history'] });
    },
    onError: (e) => {
      if (needsEarmarkingConfirmation(e)) setBreach(((e as ApiError).body.details ?? {}) as Breach);
    },
  });
  const { ref, refused } = useFocusOnRefusal(change.error);
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const missing = status === 'retired' && reason.trim().length < 3;
    setReasonMissing(missing);
    if (!missing) change.mutate();
    else refused();
  };
  const showError = change.error && !needsEarmarkingConfirmation(change.error);
  return (
    <section className="panel" aria-labelledby="device-status">
      <h2 id="device-status">{tDevices.statusTitle}</h2>
      <form className="form" onSubmit={onSubmit} noValidate ref={ref}>
        <Select
          label={tDevices.newStatus}
          selectedKey={status}
          onSelectionChange={(k) => {
            setStatus(k as Target);
            setBreach(null);
            setConfirmed(false);
          }}
          options={targets.map((s) => ({ value: s, label: label('deviceStatus', s) }))}
        />
        <TextField
          label={tDevices.statusReason}
          value={reason}
          onChange={setReason}
          description={tDevices.statusReasonHelp}
          isRequired={status === 'retired'}
          serverError={reasonMissing ? tDevices.statusReasonRequired : change.error instanceof ApiError ? change.error.fieldError('reason') : undefined}
        />
        {breach && (
          <div className="notice notice-warning" role="alert">
            <p>
              {fill(tDevices.earmarking, {
                grant: breach.grantTitle ?? '–',
                end: formatDate(breach.earmarkingEnd),
                action: status === 'retired' ? tDevices.earmarkingRetire : tDevices.earmarkingLose,
                amount: formatEuro(breach.amountAtRiskCents),
              })}
            </p>
            <Checkbox isSelected={confirmed} onChange={setConfirmed}>
              {tDevices.earmarkingConfirm}
            </Checkbox>
          </div>
        )}
        {showError && <ErrorNotice error={change.error} />}
        {change.isSuccess && (
          <p className="notice notice-success" role="status">
            {fill(tDevices.statusChanged, { status: label('deviceStatus', change.data.status) })}
          </p>
        )}
        <div className="actions">
          <Button type="submit" variant={status === 'retired' || status === 'lost' ? 'danger' : 'primary'} isDisabled={!!breach && !confirmed} isPending={change.isPending}>
            {tDevices.changeStatus}
          </Button>
        </div>
      </form>
    </section>
  );
}
