import { useState } from 'react';
import type { Schemas } from '../api/client';
import { ApiError } from '../api/errors';
import { SCHOOL_TYPES } from '../coverage/coverage-parts';
import { label } from '../i18n';
import { tSchoolEdit } from '../i18n/school-edit';
import { Button, Checkbox, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { TypedValues } from '../ui/typed-values';

type School = Schemas['SchoolDto'];
export type SchoolBody = Schemas['CreateSchoolDto'];
const TEXTS = ['name', 'schoolNumber', 'street', 'postalCode', 'city'] as const;
const NUMBERS = ['studentCount', 'teacherCount', 'classCount', 'broadbandMbps', 'wlanCoveragePercent'] as const;

/** A school's master data, figures, broadband and WLAN; whole numbers checked here, everything else by the API. */
export function SchoolForm({ school, onSubmit, error, pending, submitLabel }: { school?: School; onSubmit: (body: SchoolBody) => void; error: unknown; pending: boolean; submitLabel: string }) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries([...TEXTS, ...NUMBERS].map((k) => [k, school?.[k] == null ? '' : String(school[k])])),
  );
  const [schoolType, setSchoolType] = useState<School['schoolType']>(school?.schoolType ?? 'grundschule');
  const [hasFibre, setHasFibre] = useState(school?.hasFibre ?? false);
  const [invalid, setInvalid] = useState<Partial<Record<string, string>>>({});
  const apiError = error instanceof ApiError ? error : undefined;
  const { ref, refused } = useFocusOnRefusal(error);
  const field = (key: (typeof TEXTS)[number] | (typeof NUMBERS)[number], required = false) => (
    <TextField
      label={tSchoolEdit[key]}
      value={values[key]}
      onChange={(v) => {
        setValues({ ...values, [key]: v });
        // The form's own message for the field goes once it is changed.
        setInvalid({ ...invalid, [key]: undefined });
      }}
      isRequired={required}
      inputMode={(NUMBERS as readonly string[]).includes(key) ? 'numeric' : undefined}
      serverError={invalid[key] ?? apiError?.fieldError(key)}
    />
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    // Required texts and whole numbers checked here (their messages clear as the field is changed); the rest by the API.
    const read = new TypedValues<string>();
    read.text('name', values.name);
    read.text('schoolNumber', values.schoolNumber);
    for (const k of NUMBERS) if (values[k].trim() !== '' && !/^\d+$/.test(values[k].trim())) read.refuse(k, tSchoolEdit.wholeNumber);
    setInvalid(read.errors);
    if (!read.ok) return refused();
    const body: Record<string, unknown> = { schoolType, hasFibre };
    for (const k of TEXTS) if (values[k].trim() !== '' || k === 'name' || k === 'schoolNumber') body[k] = values[k].trim();
    for (const k of NUMBERS) if (values[k].trim() !== '') body[k] = Number(values[k].trim());
    onSubmit(body as SchoolBody);
  };
  return (
    <form onSubmit={submit} className="form" noValidate ref={ref}>
      <fieldset>
        <legend>{tSchoolEdit.address}</legend>
        <div className="form-grid">
          {field('name', true)}
          {field('schoolNumber', true)}
          <Select label={tSchoolEdit.schoolType} selectedKey={schoolType} onSelectionChange={(k) => setSchoolType(k as School['schoolType'])} options={SCHOOL_TYPES.map((s) => ({ value: s, label: label('schoolType', s) }))} serverError={apiError?.fieldError('schoolType')} />
          {field('street')}
          {field('postalCode')}
          {field('city')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{tSchoolEdit.figures}</legend>
        <div className="form-grid">
          {field('studentCount')}
          {field('teacherCount')}
          {field('classCount')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{tSchoolEdit.network}</legend>
        <div className="form-grid">
          {field('broadbandMbps')}
          {field('wlanCoveragePercent')}
          <Checkbox isSelected={hasFibre} onChange={setHasFibre}>
            {tSchoolEdit.hasFibre}
          </Checkbox>
        </div>
      </fieldset>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        <Button type="submit" variant="primary" isPending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
