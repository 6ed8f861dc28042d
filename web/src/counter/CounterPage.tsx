import { useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { t } from '../i18n';
import { PageHeading } from '../ui/components';
import { ClassMode } from './ClassMode';
import { ReturnMode } from './ReturnMode';
import { SingleMode } from './SingleMode';

type Mode = 'single' | 'class' | 'return';

/** Ausgabe und Rückgabe: one device at a time, a whole class, or returns one after the other. */
export default function CounterPage() {
  const [mode, setMode] = useState<Mode>('single');
  return (
    <>
      <PageHeading title={t.counter.title}>{t.counter.title}</PageHeading>
      <ToggleButtonGroup
        aria-label={t.counter.modes}
        className="mode-switch"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[mode]}
        onSelectionChange={(keys) => setMode([...keys][0] as Mode)}
      >
        <ToggleButton id="single" className="btn btn-secondary">
          {t.counter.single}
        </ToggleButton>
        <ToggleButton id="class" className="btn btn-secondary">
          {t.counter.classMode}
        </ToggleButton>
        <ToggleButton id="return" className="btn btn-secondary">
          {t.counter.returnMode}
        </ToggleButton>
      </ToggleButtonGroup>
      {mode === 'single' && <SingleMode />}
      {mode === 'class' && <ClassMode />}
      {mode === 'return' && <ReturnMode />}
    </>
  );
}
