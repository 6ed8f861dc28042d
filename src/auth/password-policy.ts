import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as de from '@zxcvbn-ts/language-de';
import { invalidField } from '../common/errors';

/**
 * zxcvbn's scale 0-4; 3 means about 10^8 guesses ("safely unguessable" against online attacks and a slow hash
 * offline). Rejects `aaaaaaaaaaaa`, `password1234`, `Passwort1234`, keyboard rows and dates; passes passphrases.
 */
const MIN_SCORE = 3;

// Building the dictionaries takes about half a second: once, at the first password checked.
let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...de.dictionary } }));

/** Why a password is refused (null: it is good enough): it contains the email's name part, or it is too easy to guess. */
export function passwordWeakness(password: string, user: { email: string; displayName?: string }): 'containsEmail' | 'tooWeak' | null {
  const local = user.email.split('@')[0].toLowerCase();
  if (local.length >= 3 && password.toLowerCase().includes(local)) return 'containsEmail';
  // The parts of the email and name count as known words: "Schmidt2026!" is weak for maria.schmidt@….
  const userInputs = [local, ...local.split(/[._+-]/), ...(user.displayName?.toLowerCase().split(/\s+/) ?? [])].filter((w) => w.length >= 3);
  return zxcvbn().check(password, userInputs).score < MIN_SCORE ? 'tooWeak' : null;
}

/** 400 naming the field when the password is weak (see passwordWeakness). */
export function assertStrongPassword(password: string, field: string, user: { email: string; displayName?: string }): void {
  const weakness = passwordWeakness(password, user);
  if (weakness === 'containsEmail') throw invalidField(field, 'passwordContainsEmail', 'The password must not contain the email address');
  if (weakness === 'tooWeak') throw invalidField(field, 'passwordTooWeak', 'The password is too easy to guess: use a longer passphrase of several unusual words');
}
