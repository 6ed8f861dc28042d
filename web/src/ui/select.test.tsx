import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Select } from './components';

const schools = Array.from({ length: 500 }, (_, i) => ({ value: `s${i + 1}`, label: `Schule ${String(i + 1).padStart(3, '0')}` }));

function SchoolFilter({ onChange }: { onChange: (id: string) => void }) {
  const [chosen, setChosen] = useState('s250');
  return (
    <Select
      label="Schule"
      selectedKey={chosen}
      onSelectionChange={(k) => {
        setChosen(String(k));
        onChange(String(k));
      }}
      options={schools}
    />
  );
}

describe('Select with a long list (500 schools)', () => {
  it('shows the chosen option while closed, lists all 500 when opened, and a choice from deep in the list sticks', async () => {
    const chosen: string[] = [];
    render(<SchoolFilter onChange={(id) => chosen.push(id)} />);
    const button = screen.getByRole('button', { name: /Schule 250/ });
    await userEvent.click(button);
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getAllByRole('option')).toHaveLength(500);
    // The chosen one is marked in the open list.
    expect(within(listbox).getByRole('option', { name: 'Schule 250' }).getAttribute('aria-selected')).toBe('true');
    await userEvent.click(within(listbox).getByRole('option', { name: 'Schule 437' }));
    expect(chosen).toEqual(['s437']);
    expect(screen.getByRole('button', { name: /Schule 437/ })).toBeTruthy();
    // Opened again: still all of them.
    await userEvent.click(screen.getByRole('button', { name: /Schule 437/ }));
    expect(within(await screen.findByRole('listbox')).getAllByRole('option')).toHaveLength(500);
  });

  it('takes typed letters on the focused closed button, over all 500 options (typeahead)', async () => {
    const chosen: string[] = [];
    render(<SchoolFilter onChange={(id) => chosen.push(id)} />);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Schule 250/ }));
    await userEvent.keyboard('Schule 4');
    expect(chosen.at(-1)).toBe('s400');
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
