import { Switch, TextField } from '../../components/ui';
import styles from './ApiEditor.module.css';

/** Props of SettingsEditor. */
export interface SettingsEditorProps {
  timeoutMs: number;
  followRedirects: boolean;
  onChange: (timeoutMs: number, followRedirects: boolean) => void;
}

/** The Settings tab: timeout (1–60 s) and whether redirects are followed. */
export function SettingsEditor({ timeoutMs, followRedirects, onChange }: SettingsEditorProps) {
  const seconds = timeoutMs / 1000;
  const bad = !(seconds >= 1 && seconds <= 60);
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
    </div>
  );
}
