import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useSchool } from '../app/school';
import { useMe } from '../app/session';
import { tMySchool } from '../i18n/my-school';
import { PageHeading, QueryView } from '../ui/components';
import { CoverageView } from './CoverageView';
import { ReplacementList } from './ReplacementList';
import { SchoolFigures } from './SchoolFigures';

/** Meine Schule: the chosen school's figures (editable where the API lets a coordinator), coverage, devices past replacement age. */
export default function MySchoolPage() {
  const { schoolId } = useSchool();
  const me = useMe();
  const school = useQuery({ queryKey: ['schools', 'one', schoolId], queryFn: () => unwrap(api.GET('/api/v1/schools/{id}', { params: { path: { id: schoolId! } } })), enabled: !!schoolId });
  const coverage = useQuery({ queryKey: ['coverage', 'school', schoolId], queryFn: () => unwrap(api.GET('/api/v1/schools/{id}/coverage', { params: { path: { id: schoolId! } } })), enabled: !!schoolId });
  const title = school.data?.name ?? tMySchool.title;
  return (
    <>
      <PageHeading title={tMySchool.title}>
        {tMySchool.title}
        {school.data && `: ${title}`}
      </PageHeading>
      <QueryView query={school}>{(data) => <SchoolFigures school={data} canEdit={me.data?.role === 'coordinator' || me.data?.role === 'office'} />}</QueryView>
      <QueryView query={coverage}>
        {(data) => (
          <>
            <CoverageView coverage={data} />
            <ReplacementList schoolId={schoolId!} coverage={data} />
          </>
        )}
      </QueryView>
    </>
  );
}
