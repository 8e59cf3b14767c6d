import { Copy, Trash2, X } from 'lucide-react';
import { Button, IconButton } from '../../components/ui';
import { editorStore, useEditor } from '../store';
import styles from './SelectionBar.module.css';

/**
 * What can be done with several selected nodes, floating at the bottom of
 * the canvas (one selected node opens the inspector drawer instead).
 */
export function SelectionBar() {
  const count = useEditor((s) => s.nodes.reduce((n, x) => n + (x.selected === true ? 1 : 0), 0));
  if (count < 2) return null;
  const selected = () => editorStore.getState().nodes.filter((n) => n.selected === true).map((n) => n.id);
  return (
    <div className={styles.bar} role="toolbar" aria-label="Selection">
      <span className={styles.count}>{count} blocks selected</span>
      <Button size="sm" variant="ghost" icon={<Copy size={14} />} onClick={() => editorStore.getState().duplicate(selected())}>
        Duplicate
      </Button>
      <Button size="sm" variant="ghost" icon={<Trash2 size={14} />} onClick={() => editorStore.getState().deleteNodes(selected())}>
        Delete
      </Button>
      <IconButton size="sm" label="Clear the selection (Esc)" icon={<X size={14} />} onClick={() => editorStore.getState().select([])} />
    </div>
  );
}
