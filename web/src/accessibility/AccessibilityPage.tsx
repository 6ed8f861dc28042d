import { useSite } from '../app/Layout';
import { t } from '../i18n';
import { tAccessibility } from '../i18n/accessibility';
import { PageHeading } from '../ui/components';

/** "Erklärung zur Barrierefreiheit" (BITV 2.0 § 7): linked from every page, with the feedback contact the operator configures. */
export default function AccessibilityPage() {
  const site = useSite();
  const a = tAccessibility;
  const email = site.data?.accessibilityContactEmail;
  return (
    <article className="prose">
      <PageHeading title={a.title}>{a.title}</PageHeading>
      <p>{a.intro}</p>
      <h2>{a.statusTitle}</h2>
      <p>{a.status}</p>
      <h2>{a.limitsTitle}</h2>
      <p>{a.limits}</p>
      <h2>{a.feedbackTitle}</h2>
      {email ? (
        <p>
          {a.feedback}{' '}
          {site.data?.accessibilityContactName && <>{site.data.accessibilityContactName}, </>}
          <a href={`mailto:${email}`}>{email}</a>
        </p>
      ) : (
        <p>{site.isPending ? t.loading : a.noContact}</p>
      )}
      <h2>{a.enforcementTitle}</h2>
      <p>{a.enforcement}</p>
    </article>
  );
}
