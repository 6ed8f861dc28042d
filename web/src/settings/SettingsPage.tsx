import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useSite } from '../app/Layout';
import { useMe } from '../app/session';
import { CoverageSettingsForm } from '../coverage/CoverageSettingsForm';
import { fill, label, t } from '../i18n';
import { Button, ErrorNotice, Loading, PageHeading, TextField } from '../ui/components';
import { LoanSettingsForm } from './LoanSettingsForm';

/** The grant settings: the deadline warning window (editable) and the configured program rules (shown). */
function GrantSettingsForm({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['grants', 'settings'], queryFn: () => unwrap(api.GET('/api/v1/grants/settings')) });
  const [days, setDays] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (deadlineWarningDays: number) => unwrap(api.PUT('/api/v1/grants/settings', { body: { deadlineWarningDays } })),
    onSuccess: (data) => {
      queryClient.setQueryData(['grants', 'settings'], data);
      void queryClient.invalidateQueries({ queryKey: ['grants', 'all'] });
      setDays(null);
      setSaved(true);
    },
  });
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorNotice error={settings.error} onRetry={() => settings.refetch()} />;
  const value = days ?? String(settings.data.deadlineWarningDays ?? '');
  const rules = settings.data.categoryShareRules ?? [];
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const ok = /^\d+$/.test(value.trim());
    setInvalid(!ok);
    if (ok) save.mutate(Number(value.trim()));
  };
  return (
    <section aria-labelledby="settings-grants" className="panel">
      <h2 id="settings-grants">{t.settings.grantsTitle}</h2>
      <form onSubmit={submit} className="form" noValidate>
        <TextField
          label={t.settings.deadlineWarningDays}
          value={value}
          isReadOnly={!canWrite}
          inputMode="numeric"
          onChange={(v) => (setDays(v), setInvalid(false), setSaved(false))}
          serverError={invalid ? t.settings.wholeNumber : save.error instanceof ApiError ? save.error.fieldError('deadlineWarningDays') : undefined}
        />
        <h3>{t.settings.shareRules}</h3>
        {rules.length === 0 ? (
          <p>{t.settings.noShareRules}</p>
        ) : (
          <ul>
            {rules.map((r, i) => (
              <li key={i}>
                {fill(t.settings.shareRule, { label: r.label ?? label('grantProgram', r.program), percent: r.maxSharePercent.toLocaleString('de-DE'), category: label('expenditureCategory', r.category), scope: r.scope === 'school' ? t.settings.scopeSchool : t.settings.scopeGrant })}
              </li>
            ))}
          </ul>
        )}
        {save.error && <ErrorNotice error={save.error} />}
        <p role="status">{saved ? t.settings.grantsSaved : ''}</p>
        {canWrite && (
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={save.isPending}>
              {t.settings.saveGrants}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}

/** Einstellungen: loans, coverage targets and prices, grants, and the accessibility contact (installation-wide, shown). */
export default function SettingsPage() {
  const me = useMe();
  const canWrite = me.data?.role === 'office';
  const site = useSite();
  return (
    <>
      <PageHeading title={t.settings.title}>{t.settings.title}</PageHeading>
      <p>{t.settings.intro}</p>
      {!canWrite && <p className="notice">{t.office.readOnly}</p>}
      <LoanSettingsForm canWrite={canWrite} />
      <CoverageSettingsForm canWrite={canWrite} />
      <GrantSettingsForm canWrite={canWrite} />
      <section aria-labelledby="settings-a11y" className="panel">
        <h2 id="settings-a11y">{t.settings.accessibilityTitle}</h2>
        <p>{t.settings.accessibilityIntro}</p>
        <dl className="facts">
          <dt>{t.settings.contactName}</dt>
          <dd>{site.data?.accessibilityContactName ?? t.settings.notSet}</dd>
          <dt>{t.settings.contactEmail}</dt>
          <dd>{site.data?.accessibilityContactEmail ?? t.settings.notSet}</dd>
        </dl>
      </section>
    </>
  );
}
