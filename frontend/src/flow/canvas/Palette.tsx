import { useReactFlow } from '@xyflow/react';
import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import { cx } from '../../lib/cx';
import { nodeTypeNames, type NodeType } from '../model';
import { catalogue } from '../nodes/catalogue';
import { paletteGroups } from '../nodes/catalogue.gen';
import colors from '../nodes/shared/nodeColors.module.css';
import { editorStore, useEditor } from '../store';
import styles from './Palette.module.css';

/** The drag-and-drop data type of a palette item. */
export const paletteMime = 'application/x-chatflow-node';

const collapsedKey = 'chatflow.palette.collapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(collapsedKey) === '1';
  } catch {
    return false;
  }
}

function writeCollapsed(on: boolean): void {
  try {
    localStorage.setItem(collapsedKey, on ? '1' : '0');
  } catch {
    // Private windows may refuse storage; the choice then lasts for this visit.
  }
}

/**
 * The node palette: every node type, grouped. Drag an item onto the canvas,
 * or click it (or press Enter) to add it in the middle of the view.
 */
export function Palette() {
  const hasStart = useEditor((s) => s.nodes.some((n) => n.type === 'start'));
  const [collapsed, setCollapsed] = useState(() => readCollapsed());
  const { screenToFlowPosition } = useReactFlow();

  const addAtCenter = (type: NodeType) => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    const center =
      pane === undefined
        ? { x: 0, y: 0 }
        : screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
    editorStore.getState().addNode(type, { x: center.x - 120, y: center.y - 40 });
  };

  const onDragStart = (e: DragEvent<HTMLElement>, type: NodeType) => {
    e.dataTransfer.setData(paletteMime, type);
    e.dataTransfer.setData('text/plain', type);
    e.dataTransfer.effectAllowed = 'move';
  };

  return (
    <nav className={cx(styles.palette, collapsed && styles.collapsed)} aria-label="Node palette">
      {paletteGroups.map((g) => (
        <section key={g} className={styles.group}>
          <h3 className={styles.groupTitle}>{g}</h3>
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
                  title={
                    disabled
                      ? 'A flow has one start node.'
                      : `${spec.label}: ${spec.description} Drag onto the canvas or click to add.`
                  }
                  aria-label={spec.label}
                  onDragStart={(e) => onDragStart(e, t)}
                  onClick={() => addAtCenter(t)}
                >
                  <span className={styles.icon} aria-hidden="true">
                    <Icon size={14} strokeWidth={2.25} />
                  </span>
                  <span className={styles.label}>{spec.label}</span>
                </button>
              );
            })}
        </section>
      ))}
      {!collapsed && (
        <p className={styles.tip}>Drag a block onto the canvas, then connect its dots to the next step.</p>
      )}
      <button
        type="button"
        className={styles.collapse}
        aria-pressed={collapsed}
        title={collapsed ? 'Show the palette names' : 'Show icons only'}
        aria-label={collapsed ? 'Expand the palette' : 'Collapse the palette'}
        onClick={() => {
          setCollapsed(!collapsed);
          writeCollapsed(!collapsed);
        }}
      >
        {collapsed ? <PanelLeftOpen size={15} /> : <PanelLeftClose size={15} />}
        {!collapsed && 'Collapse'}
      </button>
    </nav>
  );
}
