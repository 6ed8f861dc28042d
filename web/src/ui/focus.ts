import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * What a person must correct first, in document order: a field marked invalid (a text field, a date's segments, a
 * select's button, a radio group's chosen radio) or, without one, an error notice (role="alert", tabIndex -1).
 */
const REFUSED = [
  'input[aria-invalid="true"]',
  'textarea[aria-invalid="true"]',
  '[data-invalid] > .select-button',
  '[data-invalid] [role="spinbutton"]',
  '[data-invalid] input[type="radio"]:checked',
  '.checkbox-group[data-invalid] input[type="checkbox"]',
  '[role="alert"]',
].join(', ');

/** Focus the first of `candidates` that is still in the page (a panel's opener, the next row's button, the heading). */
export function focusFirst(...candidates: (Element | null | undefined)[]): void {
  const target = candidates.find((c): c is HTMLElement => c instanceof HTMLElement && c.isConnected);
  target?.focus();
}

/**
 * A refused submit (the form's own checks or the server's answer) moves focus to what must be corrected: a screen
 * reader then reads that field with its message, and the keyboard is where the person goes next. Focus never stays on
 * the Save button or falls to the page.
 *
 * `refused()` after a submit that found errors and in a mutation's `onError` (or the mutation's error as the argument);
 * the focus moves after the render that shows the messages. `ref` goes on the element holding the fields and the error notice (the form or its section).
 */
export function useFocusOnRefusal<T extends HTMLElement = HTMLFormElement>(serverError?: unknown): { ref: RefObject<T | null>; refused: () => void } {
  const ref = useRef<T>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) focusFirst(ref.current?.querySelector(REFUSED));
  }, [refusals]);
  // A form whose mutation lives with its parent passes the mutation's error: each new one is a refusal.
  useEffect(() => {
    if (serverError) focusFirst(ref.current?.querySelector(REFUSED));
  }, [serverError]);
  return { ref, refused: () => setRefusals((n) => n + 1) };
}

/**
 * A panel opened by a button (edit, decide) hands focus back when it closes: `opened(e.target)` with the opening press's
 * target; `closed({ toOpener }, ...fallbacks)` focuses the opener when it is still in the page (unless `toOpener` is
 * false: its row is about to leave), else the first fallback there is, after the render that removed the panel.
 */
export function useReturnFocus(): {
  opened: (target: Element | null) => void;
  closed: (options: { toOpener?: boolean }, ...fallbacks: (() => Element | null | undefined)[]) => void;
} {
  const opener = useRef<Element | null>(null);
  const [closing, setClosing] = useState<{ candidates: (() => Element | null | undefined)[] } | null>(null);
  useEffect(() => {
    if (!closing) return;
    focusFirst(...closing.candidates.map((f) => f()));
    opener.current = null;
  }, [closing]);
  return {
    opened: (target) => {
      opener.current = target;
    },
    closed: ({ toOpener = true }, ...fallbacks) => {
      const from = opener.current;
      setClosing({ candidates: toOpener ? [() => from, ...fallbacks] : fallbacks });
    },
  };
}

/**
 * A screen that swaps one panel for another (list, form, detail) moves focus to what now stands in its place, as a
 * person's next step is there: after each change of `view` (not on the first render), `target()` gets the focus (a
 * panel's heading with tabIndex -1, or the button that opens the form again).
 */
export function useFocusOnSwap(view: unknown, target: () => Element | null | undefined): void {
  const first = useRef(true);
  const latest = useRef(target);
  latest.current = target;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusFirst(latest.current());
  }, [view]);
}
