import { Select, Switch, TextField } from '../../components/ui';
import type { Retry } from './model';
import styles from './ApiEditor.module.css';

/** Props of SettingsEditor. */
export interface SettingsEditorProps {
  timeoutMs: number;
  followRedirects: boolean;
  method: string;
  retry: Retry | undefined;
  onChange: (timeoutMs: number, followRedirects: boolean) => void;
  onRetryChange: (retry: Retry | undefined) => void;
}

/** The most tries an API may have, as the backend allows. */
export const maxTries = 5;

/**
 * The Settings tab: timeout (1–60 s), whether redirects are followed, and
 * whether a busy or failing API is tried again (never a POST or PATCH
 * unless the API says a repeat is harmless).
 */
export function SettingsEditor({ timeoutMs, followRedirects, method, retry, onChange, onRetryChange }: SettingsEditorProps) {
  const seconds = timeoutMs / 1000;
  const bad = !(seconds >= 1 && seconds <= 60);
  const tries = retry?.maxTries ?? 1;
  const idempotent = retry?.idempotent ?? false;
  const unsafe = method === 'POST' || method === 'PATCH';
  const setRetry = (maxTries: number, safe: boolean) =>
    onRetryChange(maxTries <= 1 && !safe ? undefined : { maxTries, idempotent: safe });
  return (
    <div className={styles.form}>
      <TextField
        label="Timeout (seconds)"
        type="number"
        min={1}
        max={60}
        step={1}
        value={String(seconds)}
        onChange={(e) => onChange(Math.round(Number(e.target.value) * 1000), followRedirects)}
        error={bad ? 'Between 1 and 60 seconds.' : undefined}
        hint="A call that takes longer takes the “others” route with api.error saying it timed out."
        fieldClassName={styles.narrow}
      />
      <Switch
        label="Follow redirects"
        checked={followRedirects}
        onChange={(v) => onChange(timeoutMs, v)}
        description="Off by default, so a flow can route 301, 302 and other 3xx answers itself."
      />
      <Select
        label="Tries"
        value={String(tries)}
        onChange={(v) => setRetry(Number(v), idempotent)}
        options={Array.from({ length: maxTries }, (_, i) => ({
          value: String(i + 1),
          label: i === 0 ? '1 — no retry' : `Up to ${i + 1}`,
        }))}
        hint={
          unsafe && !idempotent && tries > 1
            ? `A ${method} is tried once unless repeating it is harmless (switch below).`
            : 'Tried again when the API answers 429 or 5xx, times out or refuses the connection, after a short wait (or its Retry-After, up to 10 s). Every try is in the log.'
        }
        fieldClassName={styles.narrow}
      />
      {unsafe && (
        <Switch
          label="Safe to repeat"
          checked={idempotent}
          onChange={(v) => setRetry(tries, v)}
          description={`Only if the API ignores a ${method} it already received (an idempotency key, say): a failed try may have been done before its answer was lost.`}
        />
      )}
    </div>
  );
}
