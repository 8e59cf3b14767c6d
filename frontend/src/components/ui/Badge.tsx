import type { HTMLAttributes } from 'react';
import { cx } from '../../lib/cx';
import styles from './Badge.module.css';

/** Colour of a Badge, by meaning rather than by hue. */
export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

/** Props of Badge. */
export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
  /** Shows a small status dot before the text. */
  dot?: boolean;
  /** Uses the monospace font, e.g. for attribute names or HTTP codes. */
  mono?: boolean;
}

/** A small label for a status, a count or a name. */
export function Badge({ tone = 'neutral', dot, mono, className, children, ...rest }: BadgeProps) {
  return (
    <span className={cx(styles.badge, styles[tone], mono === true && styles.mono, className)} {...rest}>
      {dot === true && <span className={styles.dot} aria-hidden="true" />}
      {children}
    </span>
  );
}
