import { passwordWeakness } from './password-policy';
import { DEMO_PASSWORD } from '../demo/base.seed';

describe('passwordWeakness', () => {
  const user = { email: 'maria.schmidt@musterstadt.example', displayName: 'Maria Schmidt' };

  it.each(['aaaaaaaaaaaa', 'password1234', 'Passwort1234', '123456789012', 'qwertzuiopü1', 'abcdefghijkl'])('refuses the trivial or common %s', (password) => {
    expect(passwordWeakness(password, user)).toBe('tooWeak');
  });

  it("refuses a password containing the email's name part, in any case", () => {
    expect(passwordWeakness('xx-Maria.Schmidt-Sommer-2026', user)).toBe('containsEmail');
  });

  it('counts the parts of the email and the name as known words', () => {
    expect(passwordWeakness('Schmidt2026!', user)).toBe('tooWeak');
  });

  it('passes passphrases, the demo password and the passwords of the tests', () => {
    for (const password of [DEMO_PASSWORD, 'admin-password-123', 'Herbst-Laub-Regen-7', 'correct-horse-battery', 'a-long-enough-password', 'a-new-password-42']) {
      expect([password, passwordWeakness(password, user)]).toEqual([password, null]);
    }
  });
});
