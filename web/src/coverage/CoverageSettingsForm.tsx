import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { label, t } from '../i18n';
import { tCoverage } from '../i18n/coverage';
import { tOffice } from '../i18n/office';
import { Button, ErrorNotice, Loading, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { formatEuro, parseEuroToCents } from '../ui/format';
import { DEVICE_TYPES, formatNumber, SCHOOL_TYPES } from './coverage-parts';

type Settings = Schemas['CoverageSettingsDto'];
type Draft = Record<string, string>;

const decimal = (v: string) => (/^\d+(,\d+)?$/.test(v.trim()) ? Number(v.trim().replace(',', '.')) : null);
const euros = (cents: number) => formatEuro(cents).replace(/\s*€$/, '');

function toDraft(s: Settings): Draft {
  const d: Draft = {
    teachersPerDeviceTarget: formatNumber(s.teachersPerDeviceTarget),
    broadbandTargetMbps: String(s.broadbandTargetMbps),
    broadbandServedMbpsPerClass: String(s.broadbandServedMbpsPerClass),
    wlanTargetPercent: String(s.wlanTargetPercent),
    studentDeviceType: s.studentDeviceType,
    teacherDeviceType: s.teacherDeviceType,
  };
  for (const st of SCHOOL_TYPES) d[`studentsPerDeviceTarget.${st}`] = formatNumber(s.studentsPerDeviceTarget[st]);
  for (const dt of DEVICE_TYPES) {
    d[`replacementAgeYears.${dt}`] = String(s.replacementAgeYears[dt] ?? '');
    d[`unitPriceCents.${dt}`] = euros(s.unitPriceCents[dt] ?? 0);
  }
  return d;
}

/** The draft as the API's body, or the fields that are no number. */
function toBody(d: Draft): { body?: Schemas['UpdateCoverageSettingsDto']; invalid: string[] } {
  const invalid: string[] = [];
  const num = (key: string, parse: (v: string) => number | null = decimal) => {
    const v = parse(d[key] ?? '');
    if (v == null) invalid.push(key);
    return v ?? 0;
  };
  const group = (prefix: string, keys: readonly string[], parse?: (v: string) => number | null) => Object.fromEntries(keys.map((k) => [k, num(`${prefix}.${k}`, parse)]));
  const body = {
    teachersPerDeviceTarget: num('teachersPerDeviceTarget'),
    broadbandTargetMbps: num('broadbandTargetMbps'),
    broadbandServedMbpsPerClass: num('broadbandServedMbpsPerClass'),
    wlanTargetPercent: num('wlanTargetPercent'),
    studentDeviceType: d.studentDeviceType as Settings['studentDeviceType'],
    teacherDeviceType: d.teacherDeviceType as Settings['teacherDeviceType'],
    studentsPerDeviceTarget: group('studentsPerDeviceTarget', SCHOOL_TYPES),
    replacementAgeYears: group('replacementAgeYears', DEVICE_TYPES),
    unitPriceCents: group('unitPriceCents', DEVICE_TYPES, parseEuroToCents),
  };
  return invalid.length ? { invalid } : { body, invalid };
}

/** The targets, replacement ages and unit prices coverage is measured against; editable by the office, shown to others. */
export function CoverageSettingsForm({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['coverage', 'settings'], queryFn: () => unwrap(api.GET('/api/v1/coverage/settings')) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: Schemas['UpdateCoverageSettingsDto']) => unwrap(api.PUT('/api/v1/coverage/settings', { body })),
    onSuccess: (data) => {
      queryClient.setQueryData(['coverage', 'settings'], data);
      void queryClient.invalidateQueries({ queryKey: ['coverage'] });
      setDraft(null);
      setSaved(true);
    },
  });
  const { ref, refused } = useFocusOnRefusal(save.error);
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorNotice error={settings.error} onRetry={() => settings.refetch()} />;
  const d = draft ?? toDraft(settings.data);
  const apiError = save.error instanceof ApiError ? save.error : undefined;
  const field = (key: string, text: string) => (
    <TextField
      key={key}
      label={text}
      value={d[key]}
      isReadOnly={!canWrite}
      inputMode="decimal"
      onChange={(v) => {
        setSaved(false);
        setDraft({ ...d, [key]: v });
        setInvalid(invalid.filter((k) => k !== key));
      }}
      serverError={invalid.includes(key) ? tCoverage.numberInvalid : apiError?.fieldError(key)}
    />
  );
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const { body, invalid: bad } = toBody(d);
    setInvalid(bad);
    if (body) save.mutate(body);
    else refused();
  };
  return (
    <section aria-labelledby="coverage-settings" className="panel">
      <h2 id="coverage-settings">{tCoverage.settingsTitle}</h2>
      <p>{tCoverage.settingsIntro}</p>
      {!canWrite && <p className="notice">{tOffice.readOnly}</p>}
      <form onSubmit={onSubmit} className="form" noValidate ref={ref}>
        <fieldset>
          <legend>{tCoverage.studentsTargetTitle}</legend>
          <div className="form-grid">{SCHOOL_TYPES.map((st) => field(`studentsPerDeviceTarget.${st}`, label('schoolType', st)))}</div>
        </fieldset>
        <fieldset>
          <legend>{tCoverage.other}</legend>
          <div className="form-grid">
            {field('teachersPerDeviceTarget', tCoverage.teachersTarget)}
            {field('broadbandTargetMbps', tCoverage.broadbandTarget)}
            {field('broadbandServedMbpsPerClass', tCoverage.broadbandServed)}
            {field('wlanTargetPercent', tCoverage.wlanTarget)}
            {(['studentDeviceType', 'teacherDeviceType'] as const).map((key) => (
              <Select
                key={key}
                label={tCoverage[key]}
                selectedKey={d[key]}
                isDisabled={!canWrite}
                onSelectionChange={(k) => setDraft({ ...d, [key]: String(k) })}
                options={(['laptop', 'tablet'] as const).map((v) => ({ value: v, label: label('deviceType', v) }))}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{tCoverage.replacementAgesTitle}</legend>
          <div className="form-grid">{DEVICE_TYPES.map((dt) => field(`replacementAgeYears.${dt}`, label('deviceType', dt)))}</div>
        </fieldset>
        <fieldset>
          <legend>{tCoverage.pricesTitle}</legend>
          <div className="form-grid">{DEVICE_TYPES.map((dt) => field(`unitPriceCents.${dt}`, label('deviceType', dt)))}</div>
        </fieldset>
        {save.error && <ErrorNotice error={save.error} />}
        {saved && (
          <p className="notice notice-success" role="status">
            {tCoverage.saved}
          </p>
        )}
        {canWrite && (
          <div className="actions">
            <Button type="submit" variant="primary" isPending={save.isPending}>
              {t.save}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
