import { Search } from 'lucide-react';
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { cx } from '../../lib/cx';
import type { NodeType } from '../model';
import { catalogue } from '../nodes/catalogue';
import colors from '../nodes/shared/nodeColors.module.css';
import { editorStore, useEditor } from '../store';
import { blockChoices, blockGroups } from './blocks';
import { useEditorUi, type BlockMenuRequest } from './editorUi';
import styles from './BlockMenu.module.css';

const width = 320;
const maxHeight = 420;

/** Where the menu goes: at the request's point, kept inside the canvas; centred near the top without one. */
function placement({ at, area: box }: BlockMenuRequest): CSSProperties {
  if (at === null) {
    return { left: box.left + Math.max(8, (box.right - box.left - width) / 2), top: box.top + 72, width };
  }
  const left = Math.min(Math.max(at.x, box.left + 8), box.right - width - 8);
  // Below the point when the menu fits there, else above it (it flips up near the bottom).
  if (at.y + maxHeight + 8 <= box.bottom) {
    return { left, top: at.y, width };
  }
  return { left, bottom: window.innerHeight - Math.max(at.y - 16, box.top + maxHeight + 8), width };
}

/**
 * The searchable "add block" menu: Ctrl/Cmd+K, the palette's + button, or a
 * connection dropped on empty canvas open it. Typing filters the blocks,
 * arrows move, Enter adds the highlighted one where the menu was opened for
 * (joined to the dropped connection), Escape or a click outside closes it.
 */
export function BlockMenu() {
  const request = useEditorUi((s) => s.menu);
  if (request === null) return null;
  return <Menu request={request} />;
}

function Menu({ request }: { request: BlockMenuRequest }) {
  const closeMenu = useEditorUi((s) => s.closeMenu);
  const hasStart = useEditor((s) => s.nodes.some((n) => n.type === 'start'));
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const choices = blockChoices(query, { hasStart, link: request.link });
  const current = Math.min(active, Math.max(choices.length - 1, 0));
  const grouped = query.trim() === '';
  const pos = placement(request);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !rootRef.current?.contains(e.target)) closeMenu();
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [closeMenu]);

  useLayoutEffect(() => {
    const el = listRef.current?.querySelector(`#${CSS.escape(`${listId}-${current}`)}`);
    if (el instanceof HTMLElement && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);

  const add = (type: NodeType) => {
    closeMenu();
    editorStore.getState().addNode(type, request.position, request.link);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const n = choices.length;
    switch (e.key) {
      case 'ArrowDown':
        if (n > 0) setActive((current + 1) % n);
        break;
      case 'ArrowUp':
        if (n > 0) setActive((current - 1 + n) % n);
        break;
      case 'Enter': {
        const chosen = choices[current];
        if (chosen !== undefined) add(chosen.type);
        break;
      }
      case 'Escape':
        closeMenu();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const item = (c: (typeof choices)[number], i: number) => {
    const Icon = catalogue[c.type].icon;
    return (
      <li
        key={c.type}
        id={`${listId}-${i}`}
        role="option"
        aria-selected={i === current}
        className={cx(styles.item, colors.typed, i === current && styles.active)}
        data-type={c.type}
        data-testid={`block-${c.type}`}
        onMouseMove={() => setActive(i)}
        onClick={() => add(c.type)}
      >
        <span className={styles.icon} aria-hidden="true">
          <Icon size={15} strokeWidth={2.25} />
        </span>
        <span className={styles.text}>
          <span className={styles.label}>{c.label}</span>
          <span className={styles.description}>{c.description}</span>
        </span>
      </li>
    );
  };

  return (
    <div
      ref={rootRef}
      className={styles.menu}
      style={pos}
      role="dialog"
      aria-label="Add a block"
      data-own-keys
    >
      <label className={styles.search}>
        <Search size={15} aria-hidden="true" />
        <input
          autoFocus
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-activedescendant={choices.length > 0 ? `${listId}-${current}` : undefined}
          aria-label="Search blocks"
          placeholder={request.link === undefined ? 'Add a block…' : 'Add the next block…'}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <ul ref={listRef} id={listId} role="listbox" aria-label="Blocks" className={styles.list}>
        {choices.length === 0 && <li className={styles.none}>No block matches “{query.trim()}”.</li>}
        {grouped
          ? blockGroups.map((g) => {
              const inGroup = choices.filter((c) => c.group === g);
              return inGroup.length === 0 ? null : (
                <li key={g} role="presentation">
                  <span className={styles.group}>{g}</span>
                  <ul role="group" aria-label={g} className={styles.groupList}>
                    {inGroup.map((c) => item(c, choices.indexOf(c)))}
                  </ul>
                </li>
              );
            })
          : choices.map(item)}
      </ul>
      <p className={styles.footer}>
        <kbd>↑</kbd>
        <kbd>↓</kbd> choose <kbd>Enter</kbd> add <kbd>Esc</kbd> close
      </p>
    </div>
  );
}
