import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { IconButton, toast } from '../../components/ui';
import styles from './SettingsPage.module.css';

/** Copies text to the clipboard; resolves false when the browser refuses. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A read-only value with a copy button, for what gets pasted into Meta's dashboard. */
export function CopyField({ label, value, empty }: { label: string; value: string; empty: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (await copyText(value)) {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } else {
      toast.warning('Could not copy', 'Select the text and copy it by hand.');
    }
  };
  return (
    <div className={styles.copyRow}>
      <span className={styles.copyLabel}>{label}</span>
      {value === '' ? (
        <span className={styles.faint}>{empty}</span>
      ) : (
        <>
          <code className={styles.copyValue} data-testid={`copy-${label}`}>
            {value}
          </code>
          <IconButton
            size="sm"
            label={copied ? `${label} copied` : `Copy ${label}`}
            icon={copied ? <Check size={14} /> : <Copy size={14} />}
            onClick={() => void copy()}
          />
        </>
      )}
    </div>
  );
}
