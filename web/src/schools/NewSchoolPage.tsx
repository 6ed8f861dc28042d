import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { t } from '../i18n';
import { tSchoolEdit } from '../i18n/school-edit';
import { PageHeading } from '../ui/components';
import { SchoolForm, type SchoolBody } from './SchoolForm';

/** Creates a school (office only), then shows its page. */
export default function NewSchoolPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: SchoolBody) => unwrap(api.POST('/api/v1/schools', { body })),
    onSuccess: (school) => {
      void queryClient.invalidateQueries({ queryKey: ['schools'] });
      navigate(`/schulen/${school.id}`, { state: { message: tSchoolEdit.created } });
    },
  });
  // Only the office creates schools: for anyone else this page does not exist, by URL neither.
  if (me.data?.role !== 'office') return <PageHeading title={t.errors.pageNotFound}>{t.errors.pageNotFound}</PageHeading>;
  return (
    <>
      <p>
        <Link to="/schulen">← {tSchoolEdit.back}</Link>
      </p>
      <PageHeading title={tSchoolEdit.createTitle}>{tSchoolEdit.createTitle}</PageHeading>
      <SchoolForm onSubmit={(body) => create.mutate(body)} error={create.error} pending={create.isPending} submitLabel={tSchoolEdit.create} />
    </>
  );
}
