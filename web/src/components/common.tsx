// Small shared pieces: page heading that takes focus on navigation (so screen readers hear
// the new page), status badges, notices, the confirmation dialog and a loader hook.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError, describe } from '../api.ts';
import { href } from '../routes.ts';
import { statusLabel, t } from '../i18n.ts';
import type { SubmissionStatus } from '../types.ts';

// The first page of a visit starts at the top like any web page (Tab reaches the skip link);
// after that, each new page moves focus to its heading so screen readers announce it.
let firstPage = true;

/** The page's h1; it receives focus when the page opens and sets the document title. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('appName')}`;
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function StatusBadge({ status }: { status: SubmissionStatus }) {
  return <span className={`badge badge-${status}`}>{statusLabel(status)}</span>;
}

export function Notice({ kind, children, role }: { kind: 'info' | 'success' | 'warning' | 'error'; children: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div className={`notice notice-${kind}`} role={role}>
      {children}
    </div>
  );
}

export function Loading() {
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  /** The API's status when the load failed with an answer from it (404, 403 …); 0 for no connection. */
  status: number | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` on mount and whenever `deps` change; `reload` runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; status?: number; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (err: unknown) => live && setState({ error: describe(err), ...(err instanceof ApiError ? { status: err.status } : {}), loading: false }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `deps` say when it means something new.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, status: state.status, loading: state.loading, reload };
}

/** A link back, as pages show it above or below their content: "← Indberetninger". */
export interface BackLink {
  href: string;
  label: string;
}

/**
 * What a page shows when its data could not be read. A fault that may pass (no connection, the
 * server failing) offers to try again. An answer that will not change on a retry (the thing is
 * not there, or not for this user: 404, 403) says so with the API's Danish detail and a way back
 * instead; when it stands for the whole page (`page`), under a heading of its own that takes the
 * focus as every page's heading does.
 */
export function LoadError({ message, status, onRetry, page = false, back }: { message: string; status?: number | undefined; onRetry?: () => void; page?: boolean; back?: BackLink }) {
  const final = status === 404 || status === 403;
  if (final) {
    const link = back ?? { href: href.home(), label: t('navRounds') };
    const backLink = (
      <p>
        <a href={link.href}>← {link.label}</a>
      </p>
    );
    if (page) {
      const title = t(status === 404 ? 'notFoundTitle' : 'forbiddenTitle');
      return (
        <>
          <PageTitle title={title}>{title}</PageTitle>
          <p>{message}</p>
          {backLink}
        </>
      );
    }
    return (
      <Notice kind="error" role="alert">
        <p>{message}</p>
        {backLink}
      </Notice>
    );
  }
  return (
    <Notice kind="error" role="alert">
      <p>{t('errorGeneric', message)}</p>
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          {t('tryAgain')}
        </button>
      )}
    </Notice>
  );
}

/**
 * A modal confirmation built on <dialog>: the browser traps focus inside it, Escape cancels,
 * and focus returns to the button that opened it.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      <div>{props.children}</div>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" className="btn btn-secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}

/**
 * A table that scrolls sideways inside its own labelled box on a narrow screen (WCAG 1.4.10), so
 * the page itself never does. The box takes focus, so keyboard users can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
