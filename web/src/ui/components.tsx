import { createContext, type FocusEvent, type ReactNode, useContext, useDeferredValue, useEffect, useState } from 'react';
import {
  Button as AriaButton,
  type ButtonProps,
  Checkbox as AriaCheckbox,
  type CheckboxProps,
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps,
  TextArea,
  RadioGroup as AriaRadioGroup,
  Radio,
  type RadioGroupProps,
  Select as AriaSelect,
  type SelectProps,
  SelectValue,
  Popover,
  ListBox,
  ListBoxItem,
  DateField,
  DateInput as DateInputSegments,
  DateSegment,
  CheckboxGroup as AriaCheckboxGroup,
} from 'react-aria-components';
import { parseDate } from '@internationalized/date';
import { explainError } from '../api/errors';
import { formatDate } from './format';
import { t } from '../i18n';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

const Sketching = createContext(false);

/**
 * The fields inside (TextField, Select, DateInput, Checkbox) render first as a still likeness of themselves (label,
 * value, the same boxes, so nothing moves; hidden from assistive technology, not focusable) and, in a deferred render
 * right after, as the widgets. For a form that is not the point of its screen, e.g. the device list's filters: React
 * Aria's widgets cost their first render tens of milliseconds, which the list's first frame then need not wait for.
 */
export function SketchFirst({ children }: { children: ReactNode }) {
  const ready = useDeferredValue(true, false);
  return <Sketching.Provider value={!ready}>{children}</Sketching.Provider>;
}

/**
 * A field's likeness for SketchFirst: its label (bold as a <label>; a Select's label is a plain span), its box with the
 * value, its description.
 */
function FieldSketch({ label, value, box = 'sketch-box', className, description, plainLabel = false }: { label: string; value?: ReactNode; box?: string; className?: string; description?: string; plainLabel?: boolean }) {
  return (
    <div className={className ? `field ${className}` : 'field'} aria-hidden="true">
      <span className={plainLabel ? undefined : 'sketch-label'}>{label}</span>
      <span className={box}>{value}</span>
      {description && <span className="description">{description}</span>}
    </div>
  );
}

/**
 * A button. `isPending` (its action is running): presses and form submits are ignored, but unlike `isDisabled` the
 * button keeps the focus (a disabled button drops it to the page). React Aria's own `isPending` is not used: it
 * announces through a live-region node labelled by the button, left nameless when the button goes away with its panel.
 */
export function Button({ variant = 'secondary', className, isPending, onPress, type, ...props }: ButtonProps & { variant?: Variant }) {
  return (
    <AriaButton
      {...props}
      type={isPending && type === 'submit' ? 'button' : type}
      onPress={isPending ? undefined : onPress}
      aria-disabled={isPending || undefined}
      data-pending={isPending || undefined}
      className={`btn btn-${variant}${className ? ` ${className}` : ''}`}
    />
  );
}

interface FieldProps extends Omit<TextFieldProps, 'children'> {
  label: string;
  description?: string;
  /** The server's message for this field: shown under it, and the field marked invalid. */
  serverError?: string;
  multiline?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
  placeholder?: string;
}

/**
 * A labelled text field; its error (the form's own check or the server's) stands right under it. The fields validate the
 * ARIA way (`validationBehavior="aria"`): the browser's own messages ("Please fill out this field.", in the browser's
 * language, kept until the next submit) never show; `isRequired` marks the field and the form checks it.
 */
export function TextField(props: FieldProps) {
  if (useContext(Sketching) && !props.multiline) return <FieldSketch label={props.label} value={props.value} description={props.description} className={typeof props.className === 'string' ? props.className : ''} />;
  return <TextFieldWidget {...props} />;
}

function TextFieldWidget({ label, description, serverError, multiline, inputRef, placeholder, className, ...props }: FieldProps) {
  return (
    <AriaTextField validationBehavior="aria" {...props} isInvalid={serverError ? true : props.isInvalid} className={`field${className ? ` ${className}` : ''}`}>
      <Label>
        {label}
        {props.isRequired && <span aria-hidden="true"> *</span>}
      </Label>
      {multiline ? <TextArea rows={3} placeholder={placeholder} /> : <Input ref={inputRef} placeholder={placeholder} />}
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{serverError}</FieldError>
    </AriaTextField>
  );
}

export function Checkbox(props: Omit<CheckboxProps, 'children'> & { children: ReactNode }) {
  if (useContext(Sketching))
    return (
      <span className="checkbox" aria-hidden="true" data-selected={props.isSelected || undefined}>
        <CheckboxBox />
        {props.children}
      </span>
    );
  return <CheckboxWidget {...props} />;
}

const CheckboxBox = () => (
  <span className="checkbox-box" aria-hidden="true">
    <svg viewBox="0 0 18 18" aria-hidden="true">
      <polyline points="2 9 7 14 16 4" />
    </svg>
  </span>
);

function CheckboxWidget({ children, ...props }: Omit<CheckboxProps, 'children'> & { children: ReactNode }) {
  return (
    <AriaCheckbox {...props} className="checkbox">
      <CheckboxBox />
      {children}
    </AriaCheckbox>
  );
}

/**
 * A checkbox for a table's rows (select this row), in the Checkbox's look: one native input, drawn by CSS (its box and
 * check mark, styles.css), named by `aria-label`. Without React Aria's work per instance (its press, hover and focus
 * hooks) and without the Checkbox's label, box and SVG elements: a list of 50 rows had 250 elements for its checkboxes.
 */
export function RowCheckbox({ label, isSelected, onChange }: { label: string; isSelected: boolean; onChange: (isSelected: boolean) => void }) {
  return <input type="checkbox" className="row-checkbox" aria-label={label} checked={isSelected} onChange={(e) => onChange(e.target.checked)} />;
}

export function RadioGroup<T extends string>({ label, options, serverError, ...props }: Omit<RadioGroupProps, 'children'> & { label: string; options: { value: T; label: string }[]; serverError?: string }) {
  return (
    <AriaRadioGroup validationBehavior="aria" {...props} isInvalid={serverError ? true : props.isInvalid} className="radio-group">
      <Label>{label}</Label>
      <div className="radio-options">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} className="radio">
            {o.label}
          </Radio>
        ))}
      </div>
      <FieldError>{serverError}</FieldError>
    </AriaRadioGroup>
  );
}

/** Above this many options a Select builds its full list only when it is opened (see Select). */
const LONG_LIST = 50;

/**
 * A labelled select (React Aria's: keyboard, screen readers, the popover). React Aria builds an item for every option
 * even while the popover is closed: a long list (the 500 schools of a district, in the header and in a filter) holds
 * the first and the chosen option until it is focused or opened for the first time, then all of them.
 */
type SelectFieldProps<T extends string> = Omit<SelectProps<{ id: T }>, 'children'> & { label: string; options: { value: T; label: string }[]; serverError?: string };

export function Select<T extends string>(props: SelectFieldProps<T>) {
  if (useContext(Sketching)) {
    const chosen = props.selectedKey ?? props.defaultSelectedKey;
    const text = props.options.find((o) => o.value === chosen)?.label ?? props.placeholder ?? '';
    const value = (
      <>
        <span>{text}</span>
        <span>▾</span>
      </>
    );
    return <FieldSketch label={props.label} value={value} box="select-button" className="select" plainLabel />;
  }
  return <SelectWidget {...props} />;
}

function SelectWidget<T extends string>({ label, options, serverError, ...props }: SelectFieldProps<T>) {
  const [opened, setOpened] = useState(false);
  const chosen = props.selectedKey ?? props.defaultSelectedKey;
  const shown = options.length > LONG_LIST && !opened ? options.filter((o, i) => i === 0 || o.value === chosen) : options;
  const onOpenChange = (isOpen: boolean) => {
    if (isOpen) setOpened(true);
    props.onOpenChange?.(isOpen);
  };
  // Focused, the closed button takes typed letters (typeahead): from then on it holds every option.
  const onFocus = (e: FocusEvent<Element>) => {
    setOpened(true);
    props.onFocus?.(e);
  };
  return (
    <AriaSelect validationBehavior="aria" {...props} onOpenChange={onOpenChange} onFocus={onFocus} isInvalid={serverError ? true : props.isInvalid} className="field select">
      <Label>{label}</Label>
      <AriaButton className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      <FieldError>{serverError}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {shown.map((o) => (
            <ListBoxItem key={o.value} id={o.value} className="listbox-item">
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}

/** An error answer explained: what happened and what to do (reload for a stale version). */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const explained = explainError(error);
  // tabIndex -1: a refused submit without a field to correct moves focus here (ui/focus.ts).
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1}>
      <p className="notice-title">{explained.title}</p>
      {explained.detail && <p>{explained.detail}</p>}
      {explained.reload ? (
        <Button onPress={() => location.reload()}>{t.reload}</Button>
      ) : (
        onRetry && <Button onPress={onRetry}>{t.retry}</Button>
      )}
    </div>
  );
}

/** What QueryView needs of a TanStack query (plain or infinite). */
interface QueryLike<T> {
  isPending: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/** An empty list, a page without items, or an infinite query's pages without items. */
function hasNoItems(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  const { items, pages } = (data ?? {}) as { items?: unknown; pages?: unknown };
  if (Array.isArray(items)) return items.length === 0;
  return Array.isArray(pages) && pages.every(hasNoItems);
}

/**
 * A query's three states in one place: loading, its error explained (with a retry), or its data.
 * With `empty`, that is shown instead of the data when it is empty (a list, a page or an infinite query's
 * pages without items), or when `isEmpty(data)` says so.
 */
export function QueryView<T>({
  query,
  empty,
  isEmpty = hasNoItems,
  onRetry,
  children,
}: {
  query: QueryLike<T>;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorNotice error={query.error} onRetry={onRetry ?? (() => void query.refetch())} />;
  const data = query.data as T;
  if (empty !== undefined && isEmpty(data)) return <>{empty}</>;
  return <>{children(data)}</>;
}

/** "Weitere laden" under a list read page by page (an infinite query); nothing when there is no further page. */
export function LoadMore({ query }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  if (!query.hasNextPage) return null;
  return (
    <Button onPress={() => void query.fetchNextPage()} isDisabled={query.isFetchingNextPage}>
      {query.isFetchingNextPage ? t.loading : t.loadMore}
    </Button>
  );
}

export function Loading() {
  return (
    <p className="loading" role="status">
      {t.loading}
    </p>
  );
}

/** The page's one h1 and the document title. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} – ${t.appName}`;
  }, [title]);
  return <h1 className="page-title">{children}</h1>;
}

/** A date field in the user's locale (dd.mm.yyyy in German), value as 'YYYY-MM-DD'. */
type DateInputProps = { label: string; value: string | null; onChange: (value: string | null) => void; serverError?: string; isRequired?: boolean };

export function DateInput(props: DateInputProps) {
  if (useContext(Sketching)) return <FieldSketch label={props.label} value={props.value ? formatDate(props.value) : ''} box="date-input" className="date-field" />;
  return <DateInputWidget {...props} />;
}

/** The value as React Aria's date; null for none or for no day of the calendar (a hand-edited address), never a crash. */
function calendarDate(value: string | null) {
  try {
    return value ? parseDate(value) : null;
  } catch {
    return null;
  }
}

function DateInputWidget({ label, value, onChange, serverError, isRequired }: DateInputProps) {
  return (
    <DateField
      validationBehavior="aria"
      className="field date-field"
      value={calendarDate(value)}
      onChange={(d) => onChange(d ? d.toString() : null)}
      isInvalid={serverError ? true : undefined}
      isRequired={isRequired}
      shouldForceLeadingZeros
    >
      <Label>{label}</Label>
      <DateInputSegments className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInputSegments>
      <FieldError>{serverError}</FieldError>
    </DateField>
  );
}

/** Announces to screen readers what just happened (scan results): one polite live region per screen. */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}

export function CheckboxGroup({ label, options, value, onChange, serverError }: { label: string; options: { value: string; label: string }[]; value: string[]; onChange: (v: string[]) => void; serverError?: string }) {
  return (
    <AriaCheckboxGroup className="checkbox-group" value={value} onChange={onChange} validationBehavior="aria" isInvalid={serverError ? true : undefined}>
      <Label className="group-label">{label}</Label>
      <div className="checkbox-options">
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value}>
            {o.label}
          </Checkbox>
        ))}
      </div>
      <FieldError className="field-error">{serverError}</FieldError>
    </AriaCheckboxGroup>
  );
}
