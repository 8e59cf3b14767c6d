import { CircleCheck, CircleX, Info, TriangleAlert, X } from 'lucide-react';
import { cx } from '../../lib/cx';
import { IconButton } from './IconButton';
import { useToastStore, type ToastKind } from './toast';
import styles from './Toaster.module.css';

const icons: Record<ToastKind, typeof Info> = {
  success: CircleCheck,
  error: CircleX,
  info: Info,
  warning: TriangleAlert,
};

/**
 * Renders notifications in the bottom-left corner; mounted once by the app
 * shell. Hovering or focusing one holds it until the pointer and focus leave.
 */
export function Toaster() {
  const toasts = useToastStore((s) => s.toasts);
  const { dismiss, hold, release } = useToastStore.getState();
  return (
    <section className={styles.region} aria-label="Notifications" aria-live="polite">
      {toasts.map((t) => {
        const Icon = icons[t.kind];
        return (
          <div
            key={t.id}
            className={cx(styles.toast, styles[t.kind])}
            role={t.kind === 'error' ? 'alert' : 'status'}
            onMouseEnter={() => hold(t.id)}
            onMouseLeave={() => release(t.id)}
            onFocus={() => hold(t.id)}
            onBlur={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget)) release(t.id);
            }}
          >
            <Icon className={styles.icon} size={16} aria-hidden="true" />
            <div className={styles.text}>
              <p className={styles.title}>{t.title}</p>
              {t.message !== undefined && t.message !== '' && <p className={styles.message}>{t.message}</p>}
            </div>
            <IconButton label="Dismiss" size="sm" icon={<X size={14} />} onClick={() => dismiss(t.id)} />
          </div>
        );
      })}
    </section>
  );
}
