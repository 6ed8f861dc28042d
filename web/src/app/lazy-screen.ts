import { createElement, lazy, useState, type ComponentType, type FunctionComponent } from 'react';

/** A screen whose code is its own chunk: rendered at once when the chunk is loaded, else through React.lazy (Suspense). */
export interface LazyScreen extends FunctionComponent {
  /** Starts loading the chunk (once; again after a failure): on a hover on the screen's nav entry, a click, the app's start. */
  preload(): Promise<void>;
}

/**
 * Like React.lazy, with a preload, and without Suspense once the code is there: a screen whose chunk was loaded before it
 * renders (preloaded on a click, or at the start for the address typed) mounts directly. A lazy element always suspends
 * on its first render; when that shows a new Suspense boundary's fallback (the first screen after a load), React holds
 * the content back up to 300 ms after the fallback (its reveal throttle), and the screen's queries start only then.
 */
export function lazyScreen(load: () => Promise<{ default: ComponentType }>): LazyScreen {
  let loaded: ComponentType | undefined;
  let loading: Promise<void> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (m) => void (loaded = m.default),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then(() => ({ default: loaded! })));
  function Screen() {
    // Chosen once per mount: switching from the lazy wrapper to the component on a later render would remount the screen.
    const [component] = useState<ComponentType>(() => loaded ?? Lazy);
    return createElement(component);
  }
  return Object.assign(Screen, { preload });
}
