import { BookOpen, Settings as SettingsIcon, Smartphone } from 'lucide-react';
import { useEffect } from 'react';
import { EmptyState, Panel, Page, Spinner } from '../../components/ui';
import { DataSection } from './DataSection';
import { InstallationPanel } from './InstallationPanel';
import { PublicAddressPanel } from './PublicAddressPanel';
import { StatusPanel } from './StatusPanel';
import { TriggersSection } from './TriggersSection';
import { WhatsAppForm } from './WhatsAppForm';
import { subscribeTunnel, useSettings } from './settingsStore';
import styles from './SettingsPage.module.css';

/** How often the connection status refreshes while the page is open. */
const statusPollMs = 4000;

/** Settings: the WhatsApp connection, its live status, and facts about this installation. */
export function SettingsPage() {
  const settings = useSettings((s) => s.settings);
  const status = useSettings((s) => s.status);
  const error = useSettings((s) => s.error);
  const load = useSettings((s) => s.load);
  const refreshStatus = useSettings((s) => s.refreshStatus);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void refreshStatus(), statusPollMs);
    const off = subscribeTunnel();
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [load, refreshStatus]);

  const missing = status?.missing ?? [];
  return (
    <Page title="Settings" icon={<SettingsIcon size={18} />} description="Your WhatsApp connection, its public address and this installation.">
      <div className={styles.column}>
        {status !== null && missing.length > 0 && (
          <Panel>
            <EmptyState compact icon={<Smartphone size={20} />} title="Connect WhatsApp">
              To answer customers live, fill in: {missing.join(', ')}. The <a href="#/guide">setup guide</a> walks you
              through Meta's dashboard and the public address in about fifteen minutes. Until then you can build flows and
              try them in the simulator.
            </EmptyState>
          </Panel>
        )}
        <Panel
          title="WhatsApp Cloud API"
          subtitle="The credentials of your Meta app: where live messages come from and go to."
          actions={
            <a className={styles.guideLink} href="#/guide">
              <BookOpen size={14} aria-hidden="true" /> Setup guide
            </a>
          }
        >
          {settings !== null ? (
            <WhatsAppForm key={JSON.stringify(settings)} settings={settings} />
          ) : error !== '' ? (
            <p className={styles.error} role="alert">
              {error}
            </p>
          ) : (
            <Spinner label="Loading the WhatsApp settings" />
          )}
        </Panel>
        <PublicAddressPanel />
        <StatusPanel status={status} />
        <TriggersSection />
        <DataSection />
        <InstallationPanel />
      </div>
    </Page>
  );
}
