import { Settings, Smartphone } from 'lucide-react';
import { Button, EmptyState, Page, Panel } from '../../components/ui';
import { InstallationPanel } from './InstallationPanel';
import styles from './SettingsPage.module.css';

/** Settings: the WhatsApp connection (coming) and facts about this installation. */
export function SettingsPage() {
  return (
    <Page title="Settings" icon={<Settings size={18} />} description="Your WhatsApp connection and this installation.">
      <div className={styles.column}>
        <Panel title="WhatsApp Cloud API" subtitle="Where live messages come from and go to.">
          <EmptyState
            compact
            icon={<Smartphone size={20} />}
            title="Connect WhatsApp"
            actions={
              <Button variant="primary" disabled>
                Connect
              </Button>
            }
            hint="The connection form turns on with WhatsApp support."
          >
            Enter your phone number ID, access token, app secret and verify token to answer customers live. Until
            then you can build flows and try them in the simulator.
          </EmptyState>
        </Panel>
        <InstallationPanel />
      </div>
    </Page>
  );
}
