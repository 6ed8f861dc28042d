import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { t } from '../i18n';
import { ErrorNotice, Loading, PageHeading } from '../ui/components';

export default function CounterPage() {
  const settings = useQuery({ queryKey: ['loans', 'settings'], queryFn: () => unwrap(api.GET('/api/v1/loans/settings')) });
  return (
    <>
      <PageHeading title={t.counter.title}>{t.counter.title}</PageHeading>
      {settings.isPending && <Loading />}
      {settings.error && <ErrorNotice error={settings.error} onRetry={() => settings.refetch()} />}
    </>
  );
}
