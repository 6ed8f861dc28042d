import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { label, t } from '../i18n';
import { tGrantEdit } from '../i18n/grant-edit';
import { tOffice } from '../i18n/office';
import { Button, Checkbox, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { formatDate, formatEuro } from '../ui/format';
import { TypedValues } from '../ui/typed-values';
import { DeviceScanList } from './DeviceScanList';

type Expenditure = Schemas['ExpenditureDto'];
type Category = Schemas['ExpenditureCategory'];
const CATEGORIES: Category[] = ['devices', 'displays', 'network', 'software', 'installation', 'training', 'other'];
const TEXTS = ['vendor', 'description', 'gross', 'orderDate', 'invoiceNumber', 'invoiceDate', 'paidOn', 'overrideReason'] as const;
type Text = (typeof TEXTS)[number];
const DATES: Text[] = ['orderDate', 'invoiceDate', 'paidOn'];
const SERVER: Record<Text, string> = { vendor: 'vendor', description: 'description', gross: 'grossCents', orderDate: 'orderDate', invoiceNumber: 'invoiceNumber', invoiceDate: 'invoiceDate', paidOn: 'paidOn', overrideReason: 'overrideReason' };

const initial = (e?: Expenditure): Record<Text, string> => ({
  vendor: e?.vendor ?? '',
  description: e?.description ?? '',
  gross: e ? formatEuro(e.grossCents).replace(/\s*€$/, '') : '',
  orderDate: e ? formatDate(e.orderDate) : '',
  invoiceNumber: e?.invoiceNumber ?? '',
  invoiceDate: e?.invoiceDate ? formatDate(e.invoiceDate) : '',
  paidOn: e?.paidOn ? formatDate(e.paidOn) : '',
  overrideReason: e?.overrideReason ?? '',
});

/** An order or invoice of a grant: school, Fördergegenstand, amount in euros, dates as TT.MM.JJJJ, the devices it bought. */
export function ExpenditureForm({ grantId, expenditure, schools, onDone }: { grantId: string; expenditure?: Expenditure; schools: { id: string; name: string }[]; onDone: (what: string) => void }) {
  const queryClient = useQueryClient();
  const [v, setV] = useState(() => initial(expenditure));
  const [schoolId, setSchoolId] = useState<string | null>(expenditure?.schoolId ?? null);
  const [category, setCategory] = useState<Category>(expenditure?.category ?? 'devices');
  const [deviceIds, setDeviceIds] = useState<string[]>(expenditure?.deviceIds ?? []);
  const [override, setOverride] = useState(expenditure?.budgetOverride ?? false);
  const [invalid, setInvalid] = useState<Partial<Record<Text | 'schoolId', string>>>({});
  const { ref, refused } = useFocusOnRefusal();
  const save = useMutation({
    mutationFn: (body: Schemas['CreateExpenditureDto']) =>
      expenditure
        ? unwrap(api.PATCH('/api/v1/grants/{grantId}/expenditures/{id}', { params: { path: { grantId, id: expenditure.id } }, body: { ...body, version: expenditure.version } }))
        : unwrap(api.POST('/api/v1/grants/{grantId}/expenditures', { params: { path: { grantId } }, body })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['grants', grantId] });
      void queryClient.invalidateQueries({ queryKey: ['grants', 'all'] });
      onDone(saved.description);
    },
    onError: () => refused(),
  });
  const apiError = save.error instanceof ApiError ? save.error : undefined;
  const field = (key: Text, text: string, required = false) => (
    <TextField
      label={text}
      value={v[key]}
      isRequired={required}
      description={DATES.includes(key) ? tOffice.dateFormat : undefined}
      onChange={(value) => {
        setV({ ...v, [key]: value });
        setInvalid({ ...invalid, [key]: undefined });
      }}
      serverError={invalid[key] ?? apiError?.fieldError(SERVER[key])}
    />
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const read = new TypedValues<Text | 'schoolId'>();
    if (!schoolId) read.refuse('schoolId', tGrantEdit.schoolMissing);
    const vendor = read.text('vendor', v.vendor);
    const description = read.text('description', v.description);
    const grossCents = read.euro('gross', v.gross, { aboveZero: true });
    const orderDate = read.date('orderDate', v.orderDate, { required: true });
    const invoiceDate = read.date('invoiceDate', v.invoiceDate);
    const paidOn = read.date('paidOn', v.paidOn);
    read.notBefore('invoiceDate', invoiceDate, orderDate, tGrantEdit.orderDate);
    read.notBefore('paidOn', paidOn, invoiceDate ?? orderDate, invoiceDate ? tGrantEdit.invoiceDate : tGrantEdit.orderDate);
    const overrideReason = override ? read.text('overrideReason', v.overrideReason, { min: 3 }) : '';
    setInvalid(read.errors);
    if (!read.ok) return refused();
    save.mutate({
      schoolId: schoolId!,
      category,
      vendor,
      description,
      grossCents: grossCents!,
      orderDate: orderDate!,
      invoiceNumber: v.invoiceNumber.trim() || null,
      invoiceDate,
      paidOn,
      deviceIds,
      ...(override ? { overrideBudget: true, overrideReason } : {}),
    });
  };
  return (
    <form onSubmit={submit} className="form" noValidate aria-label={expenditure ? tGrantEdit.editExpenditure : tGrantEdit.addExpenditure} ref={ref}>
      <div className="form-grid">
        <Select autoFocus label={tGrantEdit.school} placeholder={tGrantEdit.chooseSchool} selectedKey={schoolId} onSelectionChange={(k) => (setSchoolId(String(k)), setInvalid({ ...invalid, schoolId: undefined }))} options={schools.map((s) => ({ value: s.id, label: s.name }))} serverError={invalid.schoolId ?? apiError?.fieldError('schoolId')} />
        <Select label={tGrantEdit.category} selectedKey={category} onSelectionChange={(k) => setCategory(k as Category)} options={CATEGORIES.map((c) => ({ value: c, label: label('expenditureCategory', c) }))} />
        {field('vendor', tGrantEdit.vendor, true)}
        {field('description', tGrantEdit.description, true)}
        {field('gross', tGrantEdit.gross, true)}
        {field('orderDate', tGrantEdit.orderDate, true)}
        {field('invoiceNumber', tGrantEdit.invoiceNumber)}
        {field('invoiceDate', tGrantEdit.invoiceDate)}
        {field('paidOn', tGrantEdit.paidOn)}
      </div>
      <DeviceScanList deviceIds={deviceIds} onChange={setDeviceIds} />
      <Checkbox isSelected={override} onChange={setOverride}>
        {tGrantEdit.overrideBudget}
      </Checkbox>
      {override && field('overrideReason', tGrantEdit.overrideReason, true)}
      {save.error && <ErrorNotice error={save.error} />}
      <div className="actions">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {t.save}
        </Button>
        <Button onPress={() => onDone('')}>{t.cancel}</Button>
      </div>
    </form>
  );
}
