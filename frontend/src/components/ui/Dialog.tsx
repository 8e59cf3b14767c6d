import { X } from 'lucide-react';
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { cx } from '../../lib/cx';
import { IconButton } from './IconButton';
import styles from './Dialog.module.css';

/** Props of Dialog. */
export interface DialogProps {
  open: boolean;
  /** Called on Escape, on the close button and on a click outside the dialog. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** Buttons at the bottom, usually Cancel then the primary action. */
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** Keeps the dialog open on an outside click (forms with unsaved input). */
  modalOnly?: boolean;
  children?: ReactNode;
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog rendered over the app: focus moves into it when it opens, Tab
 * stays inside, Escape closes it, and focus returns to where it was.
 */
export function Dialog({ open, onClose, title, description, footer, size = 'md', modalOnly, children }: DialogProps) {
  const titleId = useId();
  const descId = useId();
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) {
      return;
    }
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    const first = panel?.querySelector<HTMLElement>('[data-autofocus]') ?? panel?.querySelector<HTMLElement>(focusable);
    (first ?? panel)?.focus();
    return () => previous?.focus();
  }, [open]);

  if (!open) {
    return null;
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || panelRef.current === null) {
      return;
    }
    const items = Array.from(panelRef.current.querySelectorAll<HTMLElement>(focusable));
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  return createPortal(
    <div
      className={styles.overlay}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget && modalOnly !== true) onClose();
      }}
    >
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description === undefined ? undefined : descId}
        tabIndex={-1}
        className={cx(styles.panel, styles[size])}
        onKeyDown={onKeyDown}
      >
        <header className={styles.header}>
          <div className={styles.headings}>
            <h2 id={titleId} className={styles.title}>
              {title}
            </h2>
            {description !== undefined && (
              <p id={descId} className={styles.description}>
                {description}
              </p>
            )}
          </div>
          <IconButton label="Close" size="sm" icon={<X size={16} />} onClick={onClose} />
        </header>
        {children !== undefined && <div className={styles.body}>{children}</div>}
        {footer !== undefined && <footer className={styles.footer}>{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
