import { Database, Monitor, Globe, Webhook } from 'lucide-react';
import { useSystemStore } from '../stores/system';
import { cx } from '../lib/cx';
import { modeLabel } from '../lib/format';
import styles from './StatusBar.module.css';

/** The footer: connection state, mode, webhook address, database and version. */
export function StatusBar() {
  const info = useSystemStore((s) => s.info);
  const status = useSystemStore((s) => s.status);
  const error = useSystemStore((s) => s.error);

  if (status === 'error') {
    return (
      <footer className={styles.bar} aria-label="Status">
        <span className={cx(styles.item, styles.error)} role="alert">
          <span className={cx(styles.dot, styles.dotError)} aria-hidden="true" />
          {error}
        </span>
      </footer>
    );
  }

  if (info === null) {
    return (
      <footer className={styles.bar} aria-label="Status">
        <span className={styles.item}>
          <span className={cx(styles.dot, styles.dotPending)} aria-hidden="true" />
          Connecting…
        </span>
      </footer>
    );
  }

  const ModeIcon = info.mode === 'desktop' ? Monitor : Globe;
  const commit = info.commit === '' ? '' : ` (${info.commit.slice(0, 7)})`;
  return (
    <footer className={styles.bar} aria-label="Status">
      <span className={styles.item} data-testid="status-mode">
        <span className={cx(styles.dot, styles.dotOk)} aria-hidden="true" />
        <ModeIcon size={12} aria-hidden="true" />
        {modeLabel(info.mode)}
      </span>
      {info.webhookAddr !== '' && (
        <span className={styles.item} title="The WhatsApp webhook listener">
          <Webhook size={12} aria-hidden="true" />
          Webhook <span className={styles.mono}>{info.webhookAddr}</span>
        </span>
      )}
      {info.dbPath !== '' && (
        <span className={cx(styles.item, styles.shrink)} title={info.dbPath}>
          <Database size={12} aria-hidden="true" />
          <span className={cx(styles.mono, styles.ellipsis)}>{info.dbPath}</span>
        </span>
      )}
      <span className={cx(styles.item, styles.version)} data-testid="status-version">
        Chatflow Studio {info.version}
        {commit}
      </span>
    </footer>
  );
}
