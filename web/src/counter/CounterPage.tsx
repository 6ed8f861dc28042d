import { t } from '../i18n';
import { PageHeading } from '../ui/components';

export default function CounterPage() {
  return (
    <>
      <PageHeading title={t.counter.title}>{t.counter.title}</PageHeading>
    </>
  );
}
