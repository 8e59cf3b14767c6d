import { Settings as SettingsIcon, Smartphone } from 'lucide-react';
import { useEffect } from 'react';
import { EmptyState, Panel, Page, Spinner } from '../../components/ui';
import { DataSection } from './DataSection';
import { InstallationPanel } from './InstallationPanel';
import { StatusPanel } from './StatusPanel';
import { TriggersSection } from './TriggersSection';
import { WhatsAppForm } from './WhatsAppForm';
import { useSettings } from './settingsStore';
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
    return () => window.clearInterval(timer);
  }, [load, refreshStatus]);

  const missing = status?.missing ?? [];
  return (
    <Page title="Settings" icon={<SettingsIcon size={18} />} description="Your WhatsApp connection and this installation.">
      <div className={styles.column}>
        {status !== null && missing.length > 0 && (
          <Panel>
            <EmptyState compact icon={<Smartphone size={20} />} title="Connect WhatsApp">
              To answer customers live, fill in: {missing.join(', ')}. docs/whatsapp-setup.md walks you through Meta's
              dashboard and a tunnel. Until then you can build flows and try them in the simulator.
            </EmptyState>
          </Panel>
        )}
        <StatusPanel status={status} />
        <Panel title="WhatsApp Cloud API" subtitle="Where live messages come from and go to.">
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
        <TriggersSection />
        <DataSection />
        <InstallationPanel />
      </div>
    </Page>
  );
}
