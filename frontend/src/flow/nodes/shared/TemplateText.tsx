import { Fragment } from 'react';
import { splitPlaceholders } from '../../../components/placeholder/placeholders';
import styles from './NodeCard.module.css';

/** Shows a message template with its {{attribute}} placeholders as small pills. */
export function TemplateText({ text, empty }: { text: string; empty: string }) {
  if (text.trim() === '') {
    return <span className={styles.faint}>{empty}</span>;
  }
  return (
    <>
      {splitPlaceholders(text).map((p, i) => (
        <Fragment key={i}>{p.name !== undefined ? <span className={styles.pill}>{p.name}</span> : p.text}</Fragment>
      ))}
    </>
  );
}
