import { useQueries } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { lookupDevice, normaliseScan } from '../counter/counter-api';
import { fill, label } from '../i18n';
import { tGrantEdit } from '../i18n/grant-edit';
import { Button, LiveRegion, TextField } from '../ui/components';

/**
 * The devices an expenditure bought: scan (or type) an inventory or serial number, Enter adds it; the field keeps its
 * focus for the next scan. Known devices are shown by inventory number, type and model.
 */
export function DeviceScanList({ deviceIds, onChange }: { deviceIds: string[]; onChange: (ids: string[]) => void }) {
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const devices = useQueries({
    queries: deviceIds.map((id) => ({ queryKey: ['devices', id], queryFn: () => unwrap(api.GET('/api/v1/devices/{id}', { params: { path: { id } } })), staleTime: 60_000 })),
  });
  const add = async () => {
    const scanned = normaliseScan(code);
    if (!scanned) return;
    setCode('');
    input.current?.focus();
    const device = await lookupDevice(scanned).catch(() => null);
    if (!device) {
      setError(fill(tGrantEdit.deviceNotFound, { code: scanned }));
      return setMessage(fill(tGrantEdit.deviceNotFound, { code: scanned }));
    }
    setError(undefined);
    if (deviceIds.includes(device.id)) return setMessage(fill(tGrantEdit.deviceTwice, { device: device.inventoryNumber }));
    onChange([...deviceIds, device.id]);
    setMessage(fill(tGrantEdit.deviceAdded, { device: device.inventoryNumber }));
  };
  return (
    <fieldset>
      <legend>{tGrantEdit.devices}</legend>
      <div className="scan-row">
        <TextField
          label={tGrantEdit.scan}
          description={tGrantEdit.devicesHelp}
          value={code}
          onChange={(v) => {
            setCode(v);
            setError(undefined);
          }}
          inputRef={input}
          serverError={error}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <Button onPress={() => void add()}>{tGrantEdit.addDevice}</Button>
      </div>
      {deviceIds.length === 0 ? (
        <p>{tGrantEdit.noDevices}</p>
      ) : (
        <ul className="device-list" aria-label={tGrantEdit.devices}>
          {deviceIds.map((id, i) => {
            const d = devices[i]?.data;
            const name = d ? d.inventoryNumber : '…';
            return (
              <li key={id}>
                <span>
                  {name}
                  {d && ` · ${label('deviceType', d.type)}${d.model ? ` ${d.model}` : ''}`}
                </span>{' '}
                <Button variant="quiet" aria-label={fill(tGrantEdit.removeDevice, { device: name })} onPress={() => onChange(deviceIds.filter((x) => x !== id))}>
                  {tGrantEdit.remove}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <LiveRegion message={message} />
    </fieldset>
  );
}
