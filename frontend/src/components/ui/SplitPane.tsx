import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { cx } from '../../lib/cx';
import styles from './SplitPane.module.css';

/** Props of SplitPane. */
export interface SplitPaneProps {
  /** The two panes: the first has the adjustable size, the second takes the rest. */
  children: [ReactNode, ReactNode];
  /** "horizontal" puts the panes side by side; "vertical" stacks them. */
  orientation?: 'horizontal' | 'vertical';
  /**
   * Starting size of the first pane in pixels. When it changes, the pane
   * takes the new size: the page asks for another split (the API editor
   * once a response is there to read), dropping a drag made before.
   */
  defaultSize?: number;
  minSize?: number;
  maxSize?: number;
  /** Accessible name of the divider, e.g. "Resize the inspector". */
  label?: string;
  /** Called with the new size after a drag or a key press. */
  onResize?: (size: number) => void;
  className?: string;
}

const keyStep = 16;

/** Two panes with a divider that resizes by mouse, touch or arrow keys. */
export function SplitPane({
  children,
  orientation = 'horizontal',
  defaultSize = 320,
  minSize = 160,
  maxSize = 960,
  label = 'Resize panes',
  onResize,
  className,
}: SplitPaneProps) {
  const [size, setSize] = useState(defaultSize);
  const [asked, setAsked] = useState(defaultSize);
  if (asked !== defaultSize) {
    setAsked(defaultSize);
    setSize(defaultSize);
  }
  const rootRef = useRef<HTMLDivElement>(null);
  const horizontal = orientation === 'horizontal';

  const apply = (next: number) => {
    const clamped = Math.round(Math.min(maxSize, Math.max(minSize, next)));
    setSize(clamped);
    onResize?.(clamped);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const root = rootRef.current;
    if (root === null || !e.currentTarget.hasPointerCapture(e.pointerId)) {
      return;
    }
    const rect = root.getBoundingClientRect();
    apply(horizontal ? e.clientX - rect.left : e.clientY - rect.top);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const back = horizontal ? 'ArrowLeft' : 'ArrowUp';
    const forward = horizontal ? 'ArrowRight' : 'ArrowDown';
    if (e.key === back) apply(size - keyStep);
    else if (e.key === forward) apply(size + keyStep);
    else if (e.key === 'Home') apply(minSize);
    else if (e.key === 'End') apply(maxSize);
    else return;
    e.preventDefault();
  };

  return (
    <div ref={rootRef} className={cx(styles.split, horizontal ? styles.horizontal : styles.vertical, className)}>
      <div className={styles.pane} style={horizontal ? { width: size } : { height: size }}>
        {children[0]}
      </div>
      <div
        role="separator"
        tabIndex={0}
        aria-label={label}
        aria-orientation={horizontal ? 'vertical' : 'horizontal'}
        aria-valuenow={size}
        aria-valuemin={minSize}
        aria-valuemax={maxSize}
        className={styles.divider}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      />
      <div className={cx(styles.pane, styles.rest)}>{children[1]}</div>
    </div>
  );
}
