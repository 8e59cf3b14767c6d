import type { ReactNode } from 'react';
import { Badge, Panel, Spinner } from '../../components/ui';
import { formatTime, modeLabel } from '../../lib/format';
import { useSystemStore } from '../../stores/system';
import styles from './SettingsPage.module.css';

/** Version, mode, database and webhook address of the running binary. */
export function InstallationPanel() {
  const info = useSystemStore((s) => s.info);
  const status = useSystemStore((s) => s.status);
  const error = useSystemStore((s) => s.error);

  let body;
  if (info !== null) {
    const rows: [string, ReactNode][] = [
      ['Version', <span className={styles.mono}>{info.version}</span>],
      ['Commit', <span className={styles.mono}>{info.commit === '' ? '—' : info.commit}</span>],
      ['Mode', <Badge tone="accent">{modeLabel(info.mode)}</Badge>],
      ['Database', <span className={styles.mono}>{info.dbPath}</span>],
      ['Webhook listener', <span className={styles.mono}>{info.webhookAddr === '' ? '—' : info.webhookAddr}</span>],
      ['Started', info.startedAt === '' ? '—' : formatTime(info.startedAt)],
    ];
    body = (
      <dl className={styles.facts}>
        {rows.map(([label, value]) => (
          <div key={label} className={styles.fact}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    );
  } else if (status === 'error') {
    body = <p className={styles.error}>{error}</p>;
  } else {
    body = <Spinner label="Loading installation details" />;
  }

  return (
    <Panel title="This installation" subtitle="Facts about the running Chatflow Studio.">
      {body}
    </Panel>
  );
}
