import { Link } from 'react-router';
import { label, t } from '../i18n';
import { formatDate } from '../ui/format';
import type { Device, Loan } from './counter-api';

const STATUS_BADGE: Record<string, string> = { available: 'badge-ok', loaned: 'badge-warn', in_repair: 'badge-danger', lost: 'badge-danger', retired: 'badge-danger' };

export const deviceName = (d: Pick<Device, 'type' | 'manufacturer' | 'model' | 'inventoryNumber'>) => `${label('deviceType', d.type)} ${d.manufacturer} ${d.model} (${d.inventoryNumber})`;

/** The scanned device at a glance: what it is, whose school, its status and its current loan. */
export function DeviceCard({ device, loan }: { device: Device; loan?: Loan | null }) {
  return (
    <section className="panel device-card" aria-labelledby="device-title">
      <h2 id="device-title">
        {label('deviceType', device.type)}: {device.manufacturer} {device.model}
      </h2>
      <dl className="facts">
        <dt>{t.counter.inventoryNumber}</dt>
        <dd>
          <Link to={`/geraete/${device.id}`}>{device.inventoryNumber}</Link>
        </dd>
        <dt>{t.counter.serialNumber}</dt>
        <dd>{device.serialNumber ?? '–'}</dd>
        <dt>{t.counter.school}</dt>
        <dd>{device.schoolName}</dd>
        <dt>{t.counter.status}</dt>
        <dd>
          <span className={`badge ${STATUS_BADGE[device.status] ?? ''}`}>{label('deviceStatus', device.status)}</span>
        </dd>
        {loan && (
          <>
            <dt>{t.counter.borrower}</dt>
            <dd>
              {loan.borrowerName ?? '–'}
              {loan.borrowerClass ? `, ${loan.borrowerClass}` : ''} ({label('borrowerKind', loan.borrowerKind)})
            </dd>
            <dt>{t.counter.dueOn}</dt>
            <dd>
              {formatDate(loan.dueOn)} {loan.state === 'overdue' && <span className="badge badge-danger">{t.counter.overdue}</span>}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
