import { canTransition, MANUAL_TRANSITIONS } from './device-lifecycle.service';
import { DEVICE_STATUSES } from './device.entity';

describe('device status rules', () => {
  it('never lets a retired device come back', () => {
    for (const to of DEVICE_STATUSES) {
      expect(canTransition('retired', to, 'manual')).toBe(false);
      expect(canTransition('retired', to, 'loan')).toBe(false);
    }
  });

  it('sets and clears loaned only through a loan', () => {
    for (const from of DEVICE_STATUSES) expect(MANUAL_TRANSITIONS[from]).not.toContain('loaned');
    expect(MANUAL_TRANSITIONS.loaned).toEqual([]);
    expect(canTransition('available', 'loaned', 'loan')).toBe(true);
    expect(canTransition('in_repair', 'loaned', 'loan')).toBe(false);
    expect(canTransition('loaned', 'in_repair', 'loan')).toBe(true);
  });

  it('lets a lost device be found again or written off', () => {
    expect(canTransition('lost', 'available', 'manual')).toBe(true);
    expect(canTransition('lost', 'retired', 'manual')).toBe(true);
    expect(canTransition('lost', 'in_use', 'manual')).toBe(false);
  });
});
