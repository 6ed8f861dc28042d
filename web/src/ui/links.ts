import { useCallback } from 'react';
import { useNavigate } from 'react-router';

/**
 * In-app navigation for a list's plain links (`<a href="/geraete/…">`): one listener on the list instead of a
 * react-router `Link` per row. A `Link` resolves its path against the route on every render (useHref, resolveTo): on the
 * device list's 50 rows that was a fifth of the render that shows the list (bench/RESULTS.md, session 25).
 * A plain left click on a link of this site navigates inside the app, as a `Link` does; a click with a modifier key
 * (new tab, new window, download), another button, a link with a `target` or `download`, or a link elsewhere is left to
 * the browser. Returns a callback ref for the list's element (it may mount later than the component, with its data).
 */
export function useInAppLinks(): (list: HTMLElement | null) => (() => void) | undefined {
  const navigate = useNavigate();
  return useCallback(
    (list: HTMLElement | null) => {
      if (!list) return undefined;
      const onClick = (event: MouseEvent) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
        if (!(link instanceof HTMLAnchorElement) || !list.contains(link)) return;
        if ((link.target && link.target !== '_self') || link.hasAttribute('download') || link.origin !== window.location.origin) return;
        event.preventDefault();
        void navigate(link.pathname + link.search + link.hash);
      };
      list.addEventListener('click', onClick);
      return () => list.removeEventListener('click', onClick);
    },
    [navigate],
  );
}
