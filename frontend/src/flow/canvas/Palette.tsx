import { Plus } from 'lucide-react';
import { Fragment, type DragEvent } from 'react';
import { cx } from '../../lib/cx';
import { nodeTypeNames, type NodeType } from '../model';
import { catalogue } from '../nodes/catalogue';
import colors from '../nodes/shared/nodeColors.module.css';
import { useEditor } from '../store';
import { blockGroups } from './blocks';
import { useAddBlock } from './useAddBlock';
import styles from './Palette.module.css';

/** The drag-and-drop data type of a palette item. */
export const paletteMime = 'application/x-chatflow-node';

const mod = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';

/**
 * The block strip floating at the canvas' left edge: "Add a block" (the
 * searchable menu, also Ctrl/Cmd+K) and one icon per block type, grouped,
 * named in a tooltip. Drag an icon onto the canvas, or click it (or press
 * Enter) to add the block after the selected node or in the middle of the view.
 */
export function Palette() {
  const hasStart = useEditor((s) => s.nodes.some((n) => n.type === 'start'));
  const { add, openMenu } = useAddBlock();

  const onDragStart = (e: DragEvent<HTMLElement>, type: NodeType) => {
    e.dataTransfer.setData(paletteMime, type);
    e.dataTransfer.setData('text/plain', type);
    e.dataTransfer.effectAllowed = 'move';
  };

  return (
    <nav className={styles.strip} aria-label="Blocks" data-own-keys>
      <button
        type="button"
        className={cx(styles.item, styles.add)}
        data-tip={`Add a block (${mod}K)`}
        aria-label="Add a block"
        aria-keyshortcuts="Control+K Meta+K"
        data-testid="add-block"
        onClick={openMenu}
      >
        <Plus size={18} strokeWidth={2.4} aria-hidden="true" />
      </button>
      {blockGroups.map((g) => (
        <Fragment key={g}>
          <span className={styles.divider} role="separator" aria-label={g} />
          {nodeTypeNames
            .filter((t) => catalogue[t].group === g)
            .map((t) => {
              const spec = catalogue[t];
              const Icon = spec.icon;
              const disabled = spec.single === true && hasStart;
              return (
                <button
                  key={t}
                  type="button"
                  draggable={!disabled}
                  disabled={disabled}
                  className={cx(styles.item, colors.typed)}
                  data-type={t}
                  data-testid={`palette-${t}`}
                  data-tip={disabled ? `${spec.label}: a flow has one` : spec.label}
                  aria-label={spec.label}
                  aria-description={`${spec.description} Drag onto the canvas or click to add.`}
                  onDragStart={(e) => onDragStart(e, t)}
                  onClick={() => add(t)}
                >
                  <span className={styles.icon} aria-hidden="true">
                    <Icon size={16} strokeWidth={2.25} />
                  </span>
                </button>
              );
            })}
        </Fragment>
      ))}
    </nav>
  );
}
