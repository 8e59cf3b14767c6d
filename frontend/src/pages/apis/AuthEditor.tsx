import { PlaceholderInput } from '../../components/placeholder';
import { Field, Select } from '../../components/ui';
import type { Auth } from './model';
import styles from './ApiEditor.module.css';

const authTypes = [
  { value: 'none', label: 'None (public API)' },
  { value: 'apiKey', label: 'API key' },
  { value: 'bearer', label: 'Bearer token (e.g. JWT)' },
  { value: 'basic', label: 'Basic (user and password)' },
];

/** The Auth tab: how requests prove who is calling. Secrets are masked until revealed. */
export function AuthEditor({ auth, onChange }: { auth: Auth; onChange: (auth: Auth) => void }) {
  const set = (patch: Partial<Auth>) => onChange({ ...auth, ...patch });
  return (
    <div className={styles.form}>
      <Select
        label="Type"
        value={auth.type}
        onChange={(type) => onChange({ ...auth, type, in: type === 'apiKey' ? (auth.in ?? 'header') : auth.in })}
        options={authTypes}
        fieldClassName={styles.narrow}
      />
      {auth.type === 'none' && <p className={styles.muted}>Requests are sent without credentials.</p>}
      {auth.type === 'apiKey' && (
        <>
          <div className={styles.row2}>
            <Select
              label="Send it in"
              value={auth.in ?? 'header'}
              onChange={(v) => set({ in: v })}
              options={[
                { value: 'header', label: 'A header' },
                { value: 'query', label: 'The query string' },
              ]}
            />
            <LabelledInput
              label={auth.in === 'query' ? 'Parameter name' : 'Header name'}
              value={auth.name ?? ''}
              placeholder={auth.in === 'query' ? 'api_key' : 'X-API-Key'}
              onChange={(name) => set({ name })}
            />
          </div>
          <LabelledInput label="API key" secret value={auth.value ?? ''} onChange={(value) => set({ value })} />
        </>
      )}
      {auth.type === 'bearer' && (
        <LabelledInput
          label="Token"
          secret
          value={auth.token ?? ''}
          placeholder="eyJhbGciOi…"
          hint='Sent as "Authorization: Bearer <token>".'
          onChange={(token) => set({ token })}
        />
      )}
      {auth.type === 'basic' && (
        <div className={styles.row2}>
          <LabelledInput label="User name" value={auth.username ?? ''} onChange={(username) => set({ username })} />
          <LabelledInput label="Password" secret value={auth.password ?? ''} onChange={(password) => set({ password })} />
        </div>
      )}
      {auth.type !== 'none' && (
        <p className={styles.muted}>
          Type <kbd>/</kbd> to use an attribute. Secrets are masked here and never written to logs or exports.
        </p>
      )}
    </div>
  );
}

function LabelledInput({
  label,
  value,
  onChange,
  secret,
  placeholder,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  secret?: boolean;
  placeholder?: string;
  hint?: string;
}) {
  const id = `auth-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Field id={id} label={label} hint={hint}>
      <PlaceholderInput id={id} mono secret={secret} value={value} placeholder={placeholder} onChange={onChange} />
    </Field>
  );
}
