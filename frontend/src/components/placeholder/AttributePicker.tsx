import { Lock, Plus } from 'lucide-react';
import { typeLabel } from '../../lib/attributeTypes';
import { useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { cx } from '../../lib/cx';
import type { SlashPicker } from './useSlashPicker';
import styles from './AttributePicker.module.css';

const width = 300;
const maxHeight = 280;

/**
 * The floating list the `/` key opens in a placeholder field: attributes
 * filtered by what was typed after the slash, built-ins marked, the
 * highlighted one inserted with Enter, and "Create attribute" at the end
 * when the typed name is new. The field keeps the focus (it owns the
 * keyboard through SlashPicker.key), so items react to mousedown.
 */
export function AttributePicker({ picker }: { picker: SlashPicker }) {
  const listRef = useRef<HTMLDivElement>(null);
  const anchor = picker.anchor;

  useLayoutEffect(() => {
    const el = listRef.current?.querySelector(`#${CSS.escape(`${picker.listId}-${picker.active}`)}`);
    // jsdom has no scrollIntoView; browsers do.
    if (el !== null && el !== undefined && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [picker.active, picker.listId]);

  if (!picker.open) return null;
  const flipUp = anchor !== null && anchor.bottom + maxHeight + 8 > window.innerHeight && anchor.top > maxHeight + 8;
  const left = Math.max(8, Math.min((anchor?.left ?? 8) - 12, window.innerWidth - width - 8));
  const style = flipUp
    ? { left, bottom: window.innerHeight - (anchor?.top ?? 0) + 4, width }
    : { left, top: (anchor?.bottom ?? 0) + 4, width };

  return createPortal(
    <div className={styles.picker} style={style} data-testid="attribute-picker">
      <div className={styles.header}>
        Insert attribute
        {picker.query !== '' && <span className={styles.query}>{picker.trigger + picker.query}</span>}
      </div>
      <div ref={listRef} id={picker.listId} role="listbox" aria-label="Attributes" className={styles.list}>
        {picker.matches.map((a, i) => (
          <div
            key={a.insert ?? a.name}
            id={`${picker.listId}-${i}`}
            role="option"
            aria-selected={i === picker.active}
            className={cx(styles.option, i === picker.active && styles.active)}
            onMouseDown={(e) => {
              e.preventDefault();
              picker.pick(a.insert ?? a.name);
            }}
            onMouseMove={() => picker.setActive(i)}
          >
            <span className={styles.name}>
              {a.builtIn && <Lock size={11} aria-label="built-in" className={styles.lock} />}
              {a.insert === undefined ? a.name : a.insert.replace(/\n/g, ' ')}
            </span>
            <span className={styles.type}>{typeLabel(a.type)}</span>
            {a.description !== '' && <span className={styles.description}>{a.description}</span>}
          </div>
        ))}
        {picker.createName !== null && (
          <div
            id={`${picker.listId}-${picker.matches.length}`}
            role="option"
            aria-selected={picker.active === picker.matches.length}
            className={cx(styles.option, styles.create, picker.active === picker.matches.length && styles.active)}
            onMouseDown={(e) => {
              e.preventDefault();
              picker.create();
            }}
            onMouseMove={() => picker.setActive(picker.matches.length)}
          >
            <span className={styles.name}>
              <Plus size={13} aria-hidden="true" className={styles.lock} />
              Create attribute “{picker.createName}”
            </span>
          </div>
        )}
      </div>
      <div className={styles.footer}>
        <kbd>↑</kbd>
        <kbd>↓</kbd> choose <kbd>Enter</kbd> insert <kbd>Esc</kbd> close
      </div>
    </div>,
    document.body,
  );
}
