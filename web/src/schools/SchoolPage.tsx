import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { paths } from '../api/schema';
import { ApiError, unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { fill, label, t } from '../i18n';
import { Button, ErrorNotice, Loading, PageHeading } from '../ui/components';
import { SchoolForm, type SchoolBody } from './SchoolForm';

/** A school: the office edits it (figures, broadband, WLAN) and deletes it while nothing hangs on it; others read it. */
export default function SchoolPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const canWrite = me.data?.role === 'office';
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = (useLocation().state as { message?: string } | null)?.message;
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const school = useQuery({ queryKey: ['schools', id], queryFn: () => unwrap(api.GET('/api/v1/schools/{id}', { params: { path: { id } } })) });
  const devices = useQuery({
    queryKey: ['schools', id, 'has-devices'],
    // The generated types mark two optional date filters of the device list as required (openapi.json); they are not.
    queryFn: () => unwrap(api.GET('/api/v1/devices', { params: { query: { schoolId: id, limit: 1 } as paths['/api/v1/devices']['get']['parameters']['query'] } })),
    enabled: canWrite,
  });
  const update = useMutation({
    mutationFn: (body: SchoolBody) => unwrap(api.PATCH('/api/v1/schools/{id}', { params: { path: { id } }, body: { ...body, version: school.data?.version } })),
    onSuccess: (data) => {
      queryClient.setQueryData(['schools', id], data);
      void queryClient.invalidateQueries({ queryKey: ['schools', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['schools', 'all'] });
      setSaved(true);
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/schools/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['schools'] });
      navigate('/schulen', { state: { message: fill(t.schoolEdit.deleted, { name: school.data?.name ?? '' }) } });
    },
  });
  if (school.isPending) return <Loading />;
  if (school.error) return <ErrorNotice error={school.error} onRetry={() => school.refetch()} />;
  const s = school.data;
  const hasDevices = (devices.data?.items.length ?? 0) > 0;
  return (
    <>
      <p>
        <Link to="/schulen">← {t.schoolEdit.back}</Link>
      </p>
      <PageHeading title={s.name}>{s.name}</PageHeading>
      {flash && <p className="notice notice-success">{flash}</p>}
      <p>
        {label('schoolType', s.schoolType)} · {t.schoolEdit.schoolNumber} {s.schoolNumber} · <Link to={`/medienentwicklungsplan/${s.id}`}>{t.schoolEdit.coverage}</Link>
      </p>
      {!canWrite ? (
        <>
          <p className="notice">{t.office.readOnly}</p>
          <dl className="facts">
            <dt>{t.schoolEdit.address}</dt>
            <dd>{[s.street, [s.postalCode, s.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</dd>
            <dt>{t.schoolEdit.studentCount}</dt>
            <dd>{s.studentCount}</dd>
            <dt>{t.schoolEdit.teacherCount}</dt>
            <dd>{s.teacherCount}</dd>
            <dt>{t.schoolEdit.classCount}</dt>
            <dd>{s.classCount}</dd>
            <dt>{t.schoolEdit.broadbandMbps}</dt>
            <dd>{s.broadbandMbps ?? '–'}</dd>
            <dt>{t.schoolEdit.hasFibre}</dt>
            <dd>{s.hasFibre ? t.yes : t.no}</dd>
            <dt>{t.schoolEdit.wlanCoveragePercent}</dt>
            <dd>{s.wlanCoveragePercent == null ? '–' : `${s.wlanCoveragePercent} %`}</dd>
          </dl>
        </>
      ) : (
        <>
          <SchoolForm key={s.version} school={s} onSubmit={(body) => (setSaved(false), update.mutate(body))} error={update.error} pending={update.isPending} submitLabel={t.save} />
          <p role="status">{saved ? t.schoolEdit.saved : ''}</p>
          <section aria-labelledby="school-delete" className="panel">
            <h2 id="school-delete">{t.schoolEdit.deleteTitle}</h2>
            {hasDevices ? (
              <p className="notice notice-warning">{t.schoolEdit.hasDevices}</p>
            ) : (
              <>
                <p>{t.schoolEdit.deleteIntro}</p>
                {confirming ? (
                  <div className="actions">
                    <Button variant="danger" onPress={() => remove.mutate()} isDisabled={remove.isPending}>
                      {fill(t.schoolEdit.confirmDelete, { name: s.name })}
                    </Button>
                    <Button onPress={() => setConfirming(false)}>{t.cancel}</Button>
                  </div>
                ) : (
                  <Button variant="danger" onPress={() => setConfirming(true)} isDisabled={devices.isPending}>
                    {t.schoolEdit.delete}
                  </Button>
                )}
              </>
            )}
            {remove.error instanceof ApiError && remove.error.status === 409 ? (
              <div className="notice notice-error" role="alert">
                <p className="notice-title">{t.schoolEdit.deleteRefused}</p>
              </div>
            ) : remove.error ? (
              <ErrorNotice error={remove.error} />
            ) : null}
          </section>
        </>
      )}
    </>
  );
}
