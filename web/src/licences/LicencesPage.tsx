import { useSchool } from '../app/school';
import { useMe } from '../app/session';
import { tLicences } from '../i18n/licences';
import { Loading, PageHeading } from '../ui/components';
import { OfficeLicences } from './OfficeLicences';
import { SchoolLicences } from './SchoolLicences';

/**
 * Lizenzen: for the office (and read-only for viewers) the authority's licences with warnings, contracts, seats per
 * school and the catalogue; for a coordinator the licences of the chosen school, where they enter the seats in use.
 */
export default function LicencesPage() {
  const me = useMe();
  const { schoolId, school } = useSchool();
  if (!me.data) return <Loading />;
  if (me.data.role === 'coordinator') {
    return (
      <>
        <PageHeading title={tLicences.schoolTitle}>
          {tLicences.schoolTitle}
          {school && `: ${school.name}`}
        </PageHeading>
        <p>{tLicences.schoolIntro}</p>
        {schoolId && school ? <SchoolLicences schoolId={schoolId} schoolName={school.name} canEnterUse /> : <Loading />}
      </>
    );
  }
  return (
    <>
      <PageHeading title={tLicences.title}>{tLicences.title}</PageHeading>
      <p>{tLicences.intro}</p>
      <p>
        <a className="btn" href="/api/v1/licences.xlsx" download>
          {tLicences.export}
        </a>
      </p>
      <OfficeLicences canWrite={me.data.role === 'office'} />
    </>
  );
}
