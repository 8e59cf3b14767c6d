import { KeyRound, PlugZap, Save } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Badge, Button, TextField, toast } from '../../components/ui';
import { Settings, type app, type studio } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { formFrom, useSettings, type FieldErrors } from './settingsStore';
import styles from './SettingsPage.module.css';

type Input = app.WhatsAppSettingsInput;

/** Why a field cannot be edited here, or undefined when it can. */
function overriddenHint(v: { overridden: boolean; envVar: string }): string | undefined {
  return v.overridden ? `Set by ${v.envVar} in the environment, which wins over this form.` : undefined;
}

function EnvBadge({ v }: { v: { overridden: boolean; envVar: string } }) {
  return v.overridden ? (
    <Badge tone="warning" title={`Set by ${v.envVar}`}>
      overridden by environment
    </Badge>
  ) : null;
}

/**
 * The WhatsApp Cloud API form: credentials and advanced limits, each field with
 * its own error, and a test of the connection against the Graph API with what
 * is typed (empty secrets: the saved ones). The public address has its own panel.
 */
export function WhatsAppForm({ settings }: { settings: app.WhatsAppSettings }) {
  const save = useSettings((s) => s.save);
  const [form, setForm] = useState<Input>(() => formFrom(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<studio.ConnectionTest | null>(null);
  const set = <K extends keyof Input>(key: K, value: Input[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // A field's error goes as soon as the owner changes it.
    setErrors((e) => (e[key] === undefined ? e : { ...e, [key]: '' }));
    setTest(null);
  };
  const fieldError = (key: keyof Input): string | undefined => (errors[key] ? errors[key] : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const problems = await save(form);
    setSaving(false);
    setErrors(problems);
    if (Object.keys(problems).length === 0) {
      toast.success('WhatsApp settings saved');
      setForm((f) => ({ ...f, accessToken: '', appSecret: '', clearAccessToken: false, clearAppSecret: false }));
    }
  };

  const generate = async () => {
    try {
      set('verifyToken', await Settings.GenerateVerifyToken());
    } catch (err) {
      toast.error('Could not generate a token', errorMessage(err));
    }
  };

  const testConnection = async () => {
    setTesting(true);
    setTest(null);
    try {
      setTest(await Settings.TestConnection(form));
    } catch (err) {
      setTest({ ok: false, message: errorMessage(err), phoneNumber: '', verifiedName: '' });
    } finally {
      setTesting(false);
    }
  };

  const secret = (key: 'accessToken' | 'appSecret', clearKey: 'clearAccessToken' | 'clearAppSecret', label: string) => {
    const v = settings[key];
    const cleared = form[clearKey];
    let placeholder = 'Not set';
    if (v.set && !cleared) placeholder = v.hint === '' ? 'Saved; leave empty to keep it' : `Saved (ends in ${v.hint}); leave empty to keep it`;
    if (cleared) placeholder = 'Will be removed when you save';
    return (
      <div className={styles.secretRow}>
        <TextField
          label={
            <span className={styles.labelRow}>
              {label} <EnvBadge v={v} />
            </span>
          }
          type="password"
          mono
          autoComplete="off"
          value={form[key]}
          placeholder={placeholder}
          disabled={v.overridden || cleared}
          hint={overriddenHint(v)}
          error={fieldError(key)}
          onChange={(e) => set(key, e.target.value)}
          fieldClassName={styles.grow}
        />
        {v.set && !v.overridden && (
          <Button size="sm" variant="ghost" onClick={() => set(clearKey, !cleared)}>
            {cleared ? 'Keep' : 'Remove'}
          </Button>
        )}
      </div>
    );
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="WhatsApp settings" noValidate>
      <TextField
        label={
          <span className={styles.labelRow}>
            Phone number ID <EnvBadge v={settings.phoneNumberId} />
          </span>
        }
        mono
        inputMode="numeric"
        value={form.phoneNumberId}
        disabled={settings.phoneNumberId.overridden}
        error={fieldError('phoneNumberId')}
        hint={overriddenHint(settings.phoneNumberId) ?? "The long number on Meta's WhatsApp › API Setup page, not the phone number itself."}
        onChange={(e) => set('phoneNumberId', e.target.value)}
      />
      <TextField
        label={
          <span className={styles.labelRow}>
            WhatsApp Business Account ID <EnvBadge v={settings.businessAccountId} />
          </span>
        }
        mono
        inputMode="numeric"
        value={form.businessAccountId}
        disabled={settings.businessAccountId.overridden}
        error={fieldError('businessAccountId')}
        hint={
          overriddenHint(settings.businessAccountId) ??
          "On the same API Setup page; the account that owns your message templates (needed to sync them)."
        }
        onChange={(e) => set('businessAccountId', e.target.value)}
      />
      {secret('accessToken', 'clearAccessToken', 'Access token')}
      {secret('appSecret', 'clearAppSecret', 'App secret')}
      <div className={styles.secretRow}>
        <TextField
          label={
            <span className={styles.labelRow}>
              Verify token <EnvBadge v={settings.verifyToken} />
            </span>
          }
          mono
          value={form.verifyToken}
          disabled={settings.verifyToken.overridden}
          error={fieldError('verifyToken')}
          hint={overriddenHint(settings.verifyToken) ?? 'Any secret word; paste the same into Meta’s webhook settings.'}
          onChange={(e) => set('verifyToken', e.target.value)}
          fieldClassName={styles.grow}
        />
        <Button size="sm" icon={<KeyRound size={14} />} disabled={settings.verifyToken.overridden} onClick={() => void generate()}>
          Generate
        </Button>
      </div>
      <details className={styles.advanced} open={['apiVersion', 'graphUrl', 'webhookAddr', 'staleMinutes', 'rateLimit'].some((k) => errors[k]) || undefined}>
        <summary>Advanced</summary>
        <div className={styles.grid}>
          <TextField
            label={
              <span className={styles.labelRow}>
                Graph API version <EnvBadge v={settings.apiVersion} />
              </span>
            }
            mono
            value={form.apiVersion}
            disabled={settings.apiVersion.overridden}
            error={fieldError('apiVersion')}
            onChange={(e) => set('apiVersion', e.target.value)}
          />
          <TextField
            label={
              <span className={styles.labelRow}>
                Graph base URL <EnvBadge v={settings.graphUrl} />
              </span>
            }
            mono
            value={form.graphUrl}
            disabled={settings.graphUrl.overridden}
            error={fieldError('graphUrl')}
            onChange={(e) => set('graphUrl', e.target.value)}
          />
          <TextField
            label="Webhook listen address"
            mono
            value={form.webhookAddr}
            error={fieldError('webhookAddr')}
            hint="Keep it on 127.0.0.1; the tunnel reaches it from there."
            onChange={(e) => set('webhookAddr', e.target.value)}
          />
          <TextField
            label="Ignore messages older than (minutes)"
            type="number"
            min={1}
            max={1440}
            value={form.staleMinutes}
            error={fieldError('staleMinutes')}
            hint="Shown in the inbox but not answered, e.g. after the laptop slept."
            onChange={(e) => set('staleMinutes', Number(e.target.value))}
          />
          <TextField
            label="Send rate (messages per second)"
            type="number"
            min={1}
            max={1000}
            value={form.rateLimit}
            error={fieldError('rateLimit')}
            onChange={(e) => set('rateLimit', Number(e.target.value))}
          />
        </div>
      </details>

      {errors[''] && (
        <p className={styles.error} role="alert">
          {errors['']}
        </p>
      )}
      {test !== null && (
        <p className={test.ok ? styles.testOk : styles.error} role={test.ok ? 'status' : 'alert'} data-testid="connection-test">
          {test.message}
        </p>
      )}
      <div className={styles.formActions}>
        <Button icon={<PlugZap size={15} />} loading={testing} onClick={() => void testConnection()}>
          Test connection
        </Button>
        <Button type="submit" variant="primary" icon={<Save size={15} />} loading={saving}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
