import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { paths } from '../api/schema';
import { ApiError, unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { fill, label, t } from '../i18n';
import { tOffice } from '../i18n/office';
import { tSchoolEdit } from '../i18n/school-edit';
import { Button, ErrorNotice, Loading, PageHeading } from '../ui/components';
import { useFocusOnSwap } from '../ui/focus';
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
      navigate('/schulen', { state: { message: fill(tSchoolEdit.deleted, { name: school.data?.name ?? '' }) } });
    },
  });
  // A saved school's form is drawn anew (its new version): focus back on its save button. The delete step's buttons
  // replace each other: focus on the one now there.
  const editArea = useRef<HTMLDivElement>(null);
  useFocusOnSwap(saved ? school.data?.version : null, () => editArea.current?.querySelector('form [type=submit]'));
  useFocusOnSwap(confirming, () => editArea.current?.querySelector('[aria-labelledby="school-delete"] .btn-danger'));
  if (school.isPending) return <Loading />;
  if (school.error) return <ErrorNotice error={school.error} onRetry={() => school.refetch()} />;
  const s = school.data;
  const hasDevices = (devices.data?.items.length ?? 0) > 0;
  return (
    <>
      <p>
        <Link to="/schulen">← {tSchoolEdit.back}</Link>
      </p>
      <PageHeading title={s.name}>{s.name}</PageHeading>
      {flash && <p className="notice notice-success">{flash}</p>}
      <p>
        {label('schoolType', s.schoolType)} · {tSchoolEdit.schoolNumber} {s.schoolNumber} · <Link to={`/medienentwicklungsplan/${s.id}`}>{tSchoolEdit.coverage}</Link>
      </p>
      {!canWrite ? (
        <>
          <p className="notice">{tOffice.readOnly}</p>
          <dl className="facts">
            <dt>{tSchoolEdit.address}</dt>
            <dd>{[s.street, [s.postalCode, s.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</dd>
            <dt>{tSchoolEdit.studentCount}</dt>
            <dd>{s.studentCount}</dd>
            <dt>{tSchoolEdit.teacherCount}</dt>
            <dd>{s.teacherCount}</dd>
            <dt>{tSchoolEdit.classCount}</dt>
            <dd>{s.classCount}</dd>
            <dt>{tSchoolEdit.broadbandMbps}</dt>
            <dd>{s.broadbandMbps ?? '–'}</dd>
            <dt>{tSchoolEdit.hasFibre}</dt>
            <dd>{s.hasFibre ? t.yes : t.no}</dd>
            <dt>{tSchoolEdit.wlanCoveragePercent}</dt>
            <dd>{s.wlanCoveragePercent == null ? '–' : `${s.wlanCoveragePercent} %`}</dd>
          </dl>
        </>
      ) : (
        <>
          <div ref={editArea}>
          <SchoolForm key={s.version} school={s} onSubmit={(body) => (setSaved(false), update.mutate(body))} error={update.error} pending={update.isPending} submitLabel={t.save} />
          <p role="status">{saved ? tSchoolEdit.saved : ''}</p>
          <section aria-labelledby="school-delete" className="panel">
            <h2 id="school-delete">{tSchoolEdit.deleteTitle}</h2>
            {hasDevices ? (
              <p className="notice notice-warning">{tSchoolEdit.hasDevices}</p>
            ) : (
              <>
                <p>{tSchoolEdit.deleteIntro}</p>
                {confirming ? (
                  <div className="actions">
                    <Button variant="danger" onPress={() => remove.mutate()} isPending={remove.isPending}>
                      {fill(tSchoolEdit.confirmDelete, { name: s.name })}
                    </Button>
                    <Button onPress={() => setConfirming(false)}>{t.cancel}</Button>
                  </div>
                ) : (
                  <Button variant="danger" onPress={() => setConfirming(true)} isPending={devices.isPending}>
                    {tSchoolEdit.delete}
                  </Button>
                )}
              </>
            )}
            {remove.error instanceof ApiError && remove.error.status === 409 ? (
              <div className="notice notice-error" role="alert">
                <p className="notice-title">{tSchoolEdit.deleteRefused}</p>
              </div>
            ) : remove.error ? (
              <ErrorNotice error={remove.error} />
            ) : null}
          </section>
          </div>
        </>
      )}
    </>
  );
}
