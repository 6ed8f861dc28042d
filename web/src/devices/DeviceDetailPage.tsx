import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useSchool } from '../app/school';
import { useMe } from '../app/session';
import { currentLoan } from '../counter/counter-api';
import { accessoryLabel, label, t } from '../i18n';
import { tDevices } from '../i18n/devices';
import { tLoans } from '../i18n/loans';
import { ErrorNotice, Loading, LoadMore, PageHeading, QueryView } from '../ui/components';
import { formatDate, formatDateTime, formatEuro } from '../ui/format';
import { DeviceEditForm } from './DeviceEditForm';
import { DeviceMoveForm } from './DeviceMoveForm';
import { DeviceStatusForm } from './DeviceStatusForm';
import { fetchDevice, fetchHistory, type DeviceDetail, type DeviceEvent } from './devices-api';
import { StatusBadge } from './StatusBadge';

/** One device: its data, current loan and history (newest first); edit, status change and move for those who may write. */
export default function DeviceDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const canWrite = me.data?.role === 'coordinator' || me.data?.role === 'office';
  const device = useQuery({ queryKey: ['devices', id], queryFn: () => fetchDevice(id) });
  if (device.isPending) return <Loading />;
  if (device.error) return <ErrorNotice error={device.error} onRetry={() => device.refetch()} />;
  const d = device.data;
  const title = `${label('deviceType', d.type)} ${d.inventoryNumber}`;
  return (
    <>
      <p>
        <Link to="/geraete">← {tDevices.back}</Link>
      </p>
      <PageHeading title={title}>
        {title} <StatusBadge status={d.status} />
      </PageHeading>
      <div className="columns">
        <Facts d={d} />
        <CurrentLoan device={d} />
      </div>
      {canWrite && (
        <div className="columns">
          <DeviceEditForm device={d} />
          <div>
            <DeviceStatusForm device={d} />
            <DeviceMoveForm device={d} />
          </div>
        </div>
      )}
      <History id={d.id} />
    </>
  );
}

function Facts({ d }: { d: DeviceDetail }) {
  return (
    <section aria-labelledby="device-facts">
      <h2 id="device-facts">{tDevices.facts}</h2>
      <dl className="facts">
        <dt>{tDevices.inventoryNumber}</dt>
        <dd>{d.inventoryNumber}</dd>
        <dt>{tDevices.serialNumber}</dt>
        <dd>{d.serialNumber ?? '–'}</dd>
        <dt>{tDevices.type}</dt>
        <dd>{label('deviceType', d.type)}</dd>
        <dt>{tDevices.model}</dt>
        <dd>
          {d.manufacturer} {d.model}
        </dd>
        <dt>{tDevices.operatingSystem}</dt>
        <dd>{d.operatingSystem ?? '–'}</dd>
        <dt>{tDevices.school}</dt>
        <dd>{d.schoolName}</dd>
        <dt>{tDevices.room}</dt>
        <dd>{d.location ?? '–'}</dd>
        <dt>{tDevices.purchaseDate}</dt>
        <dd>{formatDate(d.purchaseDate)}</dd>
        <dt>{tDevices.purchasePrice}</dt>
        <dd>{formatEuro(d.purchasePriceCents)}</dd>
        <dt>{tDevices.commissionedOn}</dt>
        <dd>{formatDate(d.commissionedOn)}</dd>
        <dt>{tDevices.warrantyUntil}</dt>
        <dd>{formatDate(d.warrantyUntil)}</dd>
        <dt>{tDevices.labelledAt}</dt>
        <dd>{d.labelledAt ? formatDateTime(d.labelledAt) : '–'}</dd>
        <dt>{tDevices.lastCountedOn}</dt>
        <dd>{formatDate(d.lastCountedOn)}</dd>
        {d.retiredOn && (
          <>
            <dt>{tDevices.retiredOn}</dt>
            <dd>{formatDate(d.retiredOn)}</dd>
            <dt>{tDevices.retirementReason}</dt>
            <dd>{d.retirementReason ?? '–'}</dd>
          </>
        )}
        <dt>{tDevices.notes}</dt>
        <dd>{d.notes ?? '–'}</dd>
      </dl>
    </section>
  );
}

function CurrentLoan({ device }: { device: DeviceDetail }) {
  const onLoan = device.status === 'loaned';
  const loan = useQuery({ queryKey: ['loans', 'of-device', device.id, device.version], queryFn: () => currentLoan(device.id), enabled: onLoan });
  return (
    <section aria-labelledby="device-loan">
      <h2 id="device-loan">{tDevices.currentLoan}</h2>
      {!onLoan ? (
        <p>{tDevices.noLoan}</p>
      ) : (
        <QueryView query={loan} empty={<p>{tDevices.noLoan}</p>} isEmpty={(l) => !l}>
          {(l) =>
            l && (
            <dl className="facts">
              <dt>{tLoans.agreementNumber}</dt>
              <dd>{l.agreementNumber}</dd>
              <dt>{tLoans.borrower}</dt>
              <dd>
                {l.personalDataVisible ? `${l.borrowerName ?? '–'}${l.borrowerClass ? `, ${l.borrowerClass}` : ''}` : tDevices.borrowerHidden} ({label('borrowerKind', l.borrowerKind)})
              </dd>
              <dt>{tLoans.startedOn}</dt>
              <dd>{formatDate(l.startedOn)}</dd>
              <dt>{tLoans.dueOn}</dt>
              <dd>
                {formatDate(l.dueOn)} {l.state === 'overdue' && <span className="badge badge-danger">{tLoans.overdue}</span>}
              </dd>
              <dt>{tLoans.accessories}</dt>
              <dd>{l.accessories.length ? l.accessories.map(accessoryLabel).join(', ') : '–'}</dd>
              <dt>{tLoans.signed}</dt>
              <dd>{l.agreementSigned ? t.yes : t.no}</dd>
            </dl>
            )
          }
        </QueryView>
      )}
      {onLoan && loan.data && (
        <p>
          <Link to={`/ausleihen?deviceId=${device.id}`}>{tLoans.toLoan}</Link>
        </p>
      )}
    </section>
  );
}

function describeEvent(e: DeviceEvent, schoolNames: Map<string, string>): string {
  if (e.kind === 'moved') return `${schoolNames.get(e.fromSchoolId ?? '') ?? '–'} → ${schoolNames.get(e.toSchoolId ?? '') ?? '–'}`;
  if (e.fromStatus || e.toStatus) return `${e.fromStatus ? label('deviceStatus', e.fromStatus) : '–'} → ${label('deviceStatus', e.toStatus)}`;
  return '';
}

function History({ id }: { id: string }) {
  const { schools } = useSchool();
  const schoolNames = new Map(schools.map((s) => [s.id, s.name]));
  const history = useInfiniteQuery({
    queryKey: ['devices', id, 'history'],
    queryFn: ({ pageParam }) => fetchHistory(id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="device-history">
      <h2 id="device-history">{tDevices.history}</h2>
      <QueryView query={history} empty={<p>{tDevices.noHistory}</p>}>
        {() => (
          <>
            <div className="table-wrap">
              <table className="device-history">
                <caption className="visually-hidden">{tDevices.history}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tDevices.when}</th>
                    <th scope="col">{tDevices.what}</th>
                    <th scope="col">{tDevices.change}</th>
                    <th scope="col">{tDevices.reason}</th>
                    <th scope="col">{tDevices.by}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDateTime(e.occurredAt)}</td>
                      <td>{label('deviceEventKind', e.kind)}</td>
                      <td>{describeEvent(e, schoolNames)}</td>
                      <td>{e.reason ?? '–'}</td>
                      <td>{e.actorName ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore query={history} />
          </>
        )}
      </QueryView>
    </section>
  );
}
