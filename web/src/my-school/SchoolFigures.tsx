import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { fill, label, t } from '../i18n';
import { tMySchool } from '../i18n/my-school';
import { Button, Checkbox, ErrorNotice, TextField } from '../ui/components';
import { useFocusOnRefusal, useFocusOnSwap } from '../ui/focus';

type School = Schemas['SchoolDto'];
type IntField = 'studentCount' | 'teacherCount' | 'classCount' | 'broadbandMbps' | 'wlanCoveragePercent';
type TextKey = 'street' | 'postalCode' | 'city';

/** The API's upper bounds (UpdateSchoolDto). */
const INT_FIELDS: { key: IntField; label: string; max: number; optional?: boolean }[] = [
  { key: 'studentCount', label: tMySchool.students, max: 100_000 },
  { key: 'teacherCount', label: tMySchool.teachers, max: 10_000 },
  { key: 'classCount', label: tMySchool.classes, max: 5_000 },
  { key: 'broadbandMbps', label: tMySchool.broadband, max: 100_000, optional: true },
  { key: 'wlanCoveragePercent', label: tMySchool.wlan, max: 100, optional: true },
];
const TEXT_FIELDS: { key: TextKey; label: string }[] = [
  { key: 'street', label: tMySchool.street },
  { key: 'postalCode', label: tMySchool.postalCode },
  { key: 'city', label: tMySchool.city },
];

const shown = (v: number | string | null | undefined) => (v == null || v === '' ? tMySchool.unknown : String(v));

/** The school's figures; the coordinator edits those the API lets them (not name, number, type). */
export function SchoolFigures({ school, canEdit }: { school: School; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // Opened: focus to the form's first field; closed: back to "Angaben ändern".
  const section = useRef<HTMLElement>(null);
  useFocusOnSwap(editing, () => section.current?.querySelector(editing ? 'input' : '[data-edit-figures]'));
  return (
    <section aria-labelledby="figures-title" className="panel" ref={section}>
      <h2 id="figures-title">{tMySchool.figuresTitle}</h2>
      <p>{tMySchool.figuresIntro}</p>
      {saved && !editing && (
        <p className="notice notice-success" role="status">
          {tMySchool.saved}
        </p>
      )}
      {editing ? (
        <FiguresForm
          school={school}
          onDone={(ok) => {
            setEditing(false);
            setSaved(ok);
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <dt>{tMySchool.schoolNumber}</dt>
            <dd>{school.schoolNumber}</dd>
            <dt>{tMySchool.schoolType}</dt>
            <dd>{label('schoolType', school.schoolType)}</dd>
            <dt>{tMySchool.street}</dt>
            <dd>{[school.street, [school.postalCode, school.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || tMySchool.unknown}</dd>
            {INT_FIELDS.map((f) => (
              <FigureRow key={f.key} term={f.label} value={shown(school[f.key])} />
            ))}
            <dt>{tMySchool.fibre}</dt>
            <dd>{school.hasFibre ? t.yes : t.no}</dd>
          </dl>
          {canEdit && (
            <div className="actions">
              <Button
                data-edit-figures
                onPress={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {tMySchool.edit}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function FigureRow({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

function FiguresForm({ school, onDone }: { school: School; onDone: (saved: boolean) => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries([...INT_FIELDS, ...TEXT_FIELDS].map((f) => [f.key, school[f.key] == null ? '' : String(school[f.key])])),
  );
  const [fibre, setFibre] = useState(school.hasFibre);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Schemas['UpdateSchoolDto']) => unwrap(api.PATCH('/api/v1/schools/{id}', { params: { path: { id: school.id } }, body: { ...body, version: school.version } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['schools'] });
      void queryClient.invalidateQueries({ queryKey: ['coverage'] });
      onDone(true);
    },
  });
  const { ref, refused } = useFocusOnRefusal(save.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const body: Record<string, unknown> = { hasFibre: fibre };
    for (const f of INT_FIELDS) {
      const text = values[f.key].trim();
      if (text === '' && f.optional) continue;
      if (!/^\d+$/.test(text) || Number(text) > f.max) found[f.key] = fill(tMySchool.intInvalid, { max: f.max.toLocaleString('de-DE') });
      else body[f.key] = Number(text);
    }
    for (const f of TEXT_FIELDS) if (values[f.key].trim()) body[f.key] = values[f.key].trim();
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(body as Schemas['UpdateSchoolDto']);
    else refused();
  };
  const apiError = save.error instanceof ApiError ? save.error : null;
  return (
    <form onSubmit={submit} noValidate className="form" ref={ref}>
      <div className="form-grid">
        {INT_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            value={values[f.key]}
            onChange={(v) => setValues((all) => ({ ...all, [f.key]: v }))}
            inputMode="numeric"
            isRequired={!f.optional}
            serverError={errors[f.key] ?? apiError?.fieldError(f.key)}
          />
        ))}
        {TEXT_FIELDS.map((f) => (
          <TextField key={f.key} label={f.label} value={values[f.key]} onChange={(v) => setValues((all) => ({ ...all, [f.key]: v }))} serverError={apiError?.fieldError(f.key)} />
        ))}
      </div>
      <Checkbox isSelected={fibre} onChange={setFibre}>
        {tMySchool.fibre}
      </Checkbox>
      {save.error && !apiError?.body.fieldErrors?.length && <ErrorNotice error={save.error} />}
      <div className="actions">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {t.save}
        </Button>
        <Button onPress={() => onDone(false)}>{t.cancel}</Button>
      </div>
    </form>
  );
}
