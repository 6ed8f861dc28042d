import type { DeviceStatus } from './device-filters';
import { label } from '../i18n';

const TONE: Record<DeviceStatus, string> = { available: 'badge-ok', loaned: 'badge-warn', in_use: '', in_repair: 'badge-danger', lost: 'badge-danger', retired: 'badge-danger' };

export function StatusBadge({ status }: { status: DeviceStatus }) {
  return <span className={`badge ${TONE[status]}`}>{label('deviceStatus', status)}</span>;
}
