import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { useSite } from '../app/Layout';
import { useMe } from '../app/session';
import { CoverageSettingsForm } from '../coverage/CoverageSettingsForm';
import { fill, label } from '../i18n';
import { tOffice } from '../i18n/office';
import { tSettings } from '../i18n/settings';
import { Button, ErrorNotice, Loading, PageHeading, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
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
  const { ref, refused } = useFocusOnRefusal(save.error);
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorNotice error={settings.error} onRetry={() => settings.refetch()} />;
  const value = days ?? String(settings.data.deadlineWarningDays ?? '');
  const rules = settings.data.categoryShareRules ?? [];
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const ok = /^\d+$/.test(value.trim());
    setInvalid(!ok);
    if (ok) save.mutate(Number(value.trim()));
    else refused();
  };
  return (
    <section aria-labelledby="settings-grants" className="panel">
      <h2 id="settings-grants">{tSettings.grantsTitle}</h2>
      <form onSubmit={submit} className="form" noValidate ref={ref}>
        <TextField
          label={tSettings.deadlineWarningDays}
          value={value}
          isReadOnly={!canWrite}
          inputMode="numeric"
          onChange={(v) => (setDays(v), setInvalid(false), setSaved(false))}
          serverError={invalid ? tSettings.wholeNumber : save.error instanceof ApiError ? save.error.fieldError('deadlineWarningDays') : undefined}
        />
        <h3>{tSettings.shareRules}</h3>
        {rules.length === 0 ? (
          <p>{tSettings.noShareRules}</p>
        ) : (
          <ul>
            {rules.map((r, i) => (
              <li key={i}>
                {fill(tSettings.shareRule, { label: r.label ?? label('grantProgram', r.program), percent: r.maxSharePercent.toLocaleString('de-DE'), category: label('expenditureCategory', r.category), scope: r.scope === 'school' ? tSettings.scopeSchool : tSettings.scopeGrant })}
              </li>
            ))}
          </ul>
        )}
        {save.error && <ErrorNotice error={save.error} />}
        <p role="status">{saved ? tSettings.grantsSaved : ''}</p>
        {canWrite && (
          <div className="actions">
            <Button type="submit" variant="primary" isPending={save.isPending}>
              {tSettings.saveGrants}
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
      <PageHeading title={tSettings.title}>{tSettings.title}</PageHeading>
      <p>{tSettings.intro}</p>
      {!canWrite && <p className="notice">{tOffice.readOnly}</p>}
      <LoanSettingsForm canWrite={canWrite} />
      <CoverageSettingsForm canWrite={canWrite} />
      <GrantSettingsForm canWrite={canWrite} />
      <section aria-labelledby="settings-a11y" className="panel">
        <h2 id="settings-a11y">{tSettings.accessibilityTitle}</h2>
        <p>{tSettings.accessibilityIntro}</p>
        <dl className="facts">
          <dt>{tSettings.contactName}</dt>
          <dd>{site.data?.accessibilityContactName ?? tSettings.notSet}</dd>
          <dt>{tSettings.contactEmail}</dt>
          <dd>{site.data?.accessibilityContactEmail ?? tSettings.notSet}</dd>
        </dl>
      </section>
    </>
  );
}
