import { Globe, Radar, RefreshCw, Save } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Badge, Button, Panel, Spinner, TextField, toast, type BadgeTone } from '../../components/ui';
import { Settings, type app, type studio } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { CopyField } from './CopyField';
import { SetupChecks } from './SetupChecks';
import { useSettings } from './settingsStore';
import styles from './PublicAddress.module.css';

type Mode = 'ngrok' | 'own';

const tunnelTone: Record<string, BadgeTone> = { off: 'neutral', connecting: 'info', online: 'success', error: 'danger' };
const tunnelLabel: Record<string, string> = { off: 'Off', connecting: 'Connecting…', online: 'Online', error: 'Not connected' };

/** The tunnel's state in one line: badge, address or the reason it is not up. */
export function TunnelState({ status }: { status: studio.TunnelStatus }) {
  return (
    <div className={styles.state} data-testid="tunnel-state" data-state={status.state}>
      <Badge tone={tunnelTone[status.state] ?? 'neutral'} dot>
        {tunnelLabel[status.state] ?? status.state}
      </Badge>
      {status.state === 'online' && <span className={styles.mono}>{status.url}</span>}
      {status.error !== '' && (
        <span className={styles.reason} role={status.state === 'error' ? 'alert' : undefined}>
          {status.error}
          {status.retryAt !== '' && ` Trying again at ${formatTime(status.retryAt)}.`}
        </span>
      )}
    </div>
  );
}

/**
 * Settings › Public address: how Meta reaches this computer. Either the
 * built-in ngrok tunnel (an authtoken and, optionally, a static domain) or a
 * tunnel or server of the owner's own; then the callback URL and verify token
 * to paste into Meta, and green checks once Meta has verified the webhook
 * and sent the first signed event.
 */
export function PublicAddressPanel() {
  const address = useSettings((s) => s.address);
  if (address === null) {
    return (
      <Panel title="Public address">
        <Spinner label="Loading the public address" />
      </Panel>
    );
  }
  return (
    <Panel
      title="Public address"
      subtitle="Meta delivers your customers' messages to this address. Only the webhook is reachable there, never this app."
    >
      <AddressForm key={JSON.stringify([address.mode, address.domain, address.publicUrl, address.authtoken])} address={address} />
      <div className={styles.copies}>
        <CopyField label="Callback URL" value={address.callbackUrl} empty="Appears once the tunnel is online or an address is saved" />
        <CopyField label="Verify token" value={address.verifyToken} empty="Generate one in the WhatsApp form below" />
      </div>
      <SetupChecks address={address} />
    </Panel>
  );
}

function AddressForm({ address }: { address: app.PublicAddress }) {
  const saveAddress = useSettings((s) => s.saveAddress);
  const [mode, setMode] = useState<Mode>(address.mode === 'ngrok' ? 'ngrok' : 'own');
  const [authtoken, setAuthtoken] = useState('');
  const [clearToken, setClearToken] = useState(false);
  const [domain, setDomain] = useState(address.domain);
  const [publicUrl, setPublicUrl] = useState(address.publicUrl);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [detecting, setDetecting] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const problems = await saveAddress({ mode, authtoken, clearAuthtoken: clearToken, domain, publicUrl });
    setSaving(false);
    setErrors(problems);
    if (Object.keys(problems).length === 0) {
      toast.success(mode === 'ngrok' ? 'Built-in tunnel saved' : 'Public address saved');
      setAuthtoken('');
    }
  };

  const detect = async () => {
    setDetecting(true);
    try {
      const t = await Settings.DetectTunnel();
      if (t.found) {
        setPublicUrl(t.publicUrl);
        toast.info('Found a tunnel', t.note);
      } else {
        toast.warning('No tunnel found', t.note);
      }
    } catch (err) {
      toast.error('Could not look for a tunnel', errorMessage(err));
    } finally {
      setDetecting(false);
    }
  };

  const retry = async () => {
    try {
      await Settings.RetryTunnel();
    } catch (err) {
      toast.error('Could not restart the tunnel', errorMessage(err));
    }
  };

  let tokenPlaceholder = 'Paste your ngrok authtoken';
  if (address.authtoken.set && !clearToken) tokenPlaceholder = `Saved${address.authtoken.hint === '' ? '' : ` (ends in ${address.authtoken.hint})`}; leave empty to keep it`;
  if (clearToken) tokenPlaceholder = 'Will be removed when you save';

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="Public address">
      <div className={styles.modes} role="radiogroup" aria-label="How Meta reaches this computer">
        <ModeCard
          checked={mode === 'ngrok'}
          onSelect={() => setMode('ngrok')}
          title="Built-in tunnel (ngrok)"
          text="Nothing else to install: paste your free ngrok authtoken and the app opens the tunnel itself."
        />
        <ModeCard
          checked={mode === 'own'}
          onSelect={() => setMode('own')}
          title="My own tunnel or server"
          text="An ngrok agent, cloudflared, or a server with an https address that forwards to the webhook listener."
        />
      </div>
      {mode === 'ngrok' ? (
        <>
          <div className={styles.row}>
            <TextField
              label="ngrok authtoken"
              type="password"
              mono
              autoComplete="off"
              value={authtoken}
              placeholder={tokenPlaceholder}
              disabled={clearToken}
              error={errors.authtoken}
              hint="From dashboard.ngrok.com › Your Authtoken. It stays on this computer."
              onChange={(e) => setAuthtoken(e.target.value)}
              fieldClassName={styles.grow}
            />
            {address.authtoken.set && (
              <Button size="sm" variant="ghost" onClick={() => setClearToken(!clearToken)}>
                {clearToken ? 'Keep' : 'Remove'}
              </Button>
            )}
          </div>
          <TextField
            label="Static domain (optional)"
            mono
            value={domain}
            placeholder="your-name.ngrok-free.app"
            error={errors.domain}
            hint="Your free static domain (dashboard.ngrok.com › Domains) keeps the address the same across restarts; without one, Meta needs the new address each time the app starts."
            onChange={(e) => setDomain(e.target.value)}
          />
          <TunnelState status={address.tunnel} />
        </>
      ) : (
        <div className={styles.row}>
          <TextField
            label="Public base URL"
            mono
            placeholder="https://your-tunnel.example"
            value={publicUrl}
            error={errors.publicUrl}
            hint="The https address your tunnel or server gives this computer's webhook listener."
            onChange={(e) => setPublicUrl(e.target.value)}
            fieldClassName={styles.grow}
          />
          <Button size="sm" icon={<Radar size={14} />} loading={detecting} onClick={() => void detect()}>
            Detect ngrok
          </Button>
        </div>
      )}
      {errors[''] !== undefined && (
        <p className={styles.error} role="alert">
          {errors['']}
        </p>
      )}
      <div className={styles.actions}>
        {mode === 'ngrok' && address.mode === 'ngrok' && (address.tunnel.state === 'error' || address.tunnel.state === 'connecting') && (
          <Button icon={<RefreshCw size={15} />} onClick={() => void retry()}>
            Try again now
          </Button>
        )}
        <Button type="submit" variant="primary" icon={mode === 'ngrok' ? <Globe size={15} /> : <Save size={15} />} loading={saving}>
          {mode === 'ngrok' ? (address.mode === 'ngrok' ? 'Save and reconnect' : 'Open the tunnel') : 'Save address'}
        </Button>
      </div>
    </form>
  );
}

function ModeCard({ checked, onSelect, title, text }: { checked: boolean; onSelect: () => void; title: string; text: string }) {
  return (
    <button type="button" role="radio" aria-checked={checked} className={styles.mode} data-checked={checked} onClick={onSelect}>
      <span className={styles.radio} aria-hidden="true" />
      <span className={styles.modeText}>
        <span className={styles.modeTitle}>{title}</span>
        <span className={styles.modeHint}>{text}</span>
      </span>
    </button>
  );
}
