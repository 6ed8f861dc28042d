import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n';

/** Catches a screen's render error: the rest of the page (nav, footer) stays usable. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice notice-error" role="alert">
        <h2>{t.errors.title}</h2>
        <p>{t.errors.unexpected}</p>
        <button type="button" className="btn btn-secondary" onClick={() => location.reload()}>
          {t.reload}
        </button>
      </div>
    );
  }
}
