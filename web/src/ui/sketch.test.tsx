import { render, screen } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { DateInput, Select, SketchFirst, TextField } from './components';

describe('SketchFirst', () => {
  it('commits the fields as still likenesses first (their values, hidden from assistive technology), then as the widgets', async () => {
    const firstCommit: string[] = [];
    function Probe() {
      // A layout effect on mount: the DOM of the first commit, before the deferred render.
      useLayoutEffect(() => {
        const form = document.querySelector('form')!;
        firstCommit.push(form.textContent ?? '', String(form.querySelectorAll('button, input').length), String(form.querySelectorAll('[aria-hidden="true"].field').length));
      }, []);
      return null;
    }
    render(
      <form>
        <SketchFirst>
          <TextField label="Raum" value="204" onChange={() => undefined} />
          <Select label="Status" selectedKey="loaned" onSelectionChange={() => undefined} options={[{ value: 'available', label: 'verfügbar' }, { value: 'loaned', label: 'ausgeliehen' }]} />
          <DateInput label="nicht gezählt seit" value="2026-07-31" onChange={() => undefined} />
          <Probe />
        </SketchFirst>
      </form>,
    );
    expect(firstCommit).toEqual(['Raum204Statusausgeliehen▾nicht gezählt seit31.07.2026', '0', '3']);
    // Then the widgets, with their roles and labels.
    expect(((await screen.findByLabelText('Raum')) as HTMLInputElement).value).toBe('204');
    expect(screen.getByRole('button', { name: /ausgeliehen/ })).toBeTruthy();
    expect(document.querySelectorAll('[aria-hidden="true"].field')).toHaveLength(0);
  });
});
