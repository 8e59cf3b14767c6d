import { useReactFlow, useStore } from '@xyflow/react';
import { CircleAlert, CircleCheck, Grid3x3, Map as MapIcon, Maximize, Minus, Network, Plus, Redo2, TriangleAlert, Undo2 } from 'lucide-react';
import { IconButton } from '../../components/ui';
import { cx } from '../../lib/cx';
import { autoLayout } from '../layout/autoLayout';
import { outputsOf } from '../nodes/catalogue';
import { editorStore, useEditor } from '../store';
import styles from './CanvasToolbar.module.css';
import { useEditorUi } from './editorUi';
import { useFitView } from './useFitView';

/** Lays out the open flow left to right and fits it into view. */
function useAutoLayout() {
  const fitView = useFitView();
  return () => {
    const { nodes, edges, moveNodes } = editorStore.getState();
    const positions = autoLayout(
      nodes.map((n) => ({
        id: n.id,
        width: n.measured?.width ?? 240,
        height: n.measured?.height ?? 120,
        isStart: n.type === 'start',
        handles: outputsOf(n).map((h) => h.id),
      })),
      edges,
    );
    moveNodes(positions);
    requestAnimationFrame(() => fitView({ duration: 300 }));
  };
}

/** The zoom controls: out, the current zoom (click for 100 %), in. */
function Zoom() {
  const zoom = useStore((s) => s.transform[2]);
  const { zoomIn, zoomOut, zoomTo } = useReactFlow();
  return (
    <>
      <IconButton size="sm" label="Zoom out" icon={<Minus size={15} />} onClick={() => void zoomOut({ duration: 150 })} />
      <button
        type="button"
        className={styles.zoom}
        title="Zoom to 100 %"
        aria-label={`Zoom ${Math.round(zoom * 100)} %, reset to 100 %`}
        data-testid="zoom-level"
        onClick={() => void zoomTo(1, { duration: 150 })}
      >
        {Math.round(zoom * 100)} %
      </button>
      <IconButton size="sm" label="Zoom in" icon={<Plus size={15} />} onClick={() => void zoomIn({ duration: 150 })} />
    </>
  );
}

/** The floating toolbar of the canvas: undo, redo, auto-layout, fit, snap, minimap, zoom and the problems count. */
export function CanvasToolbar() {
  const snap = useEditorUi((s) => s.snap);
  const minimap = useEditorUi((s) => s.minimap);
  const showProblems = useEditorUi((s) => s.problems);
  const toggle = useEditorUi((s) => s.toggle);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const errors = useEditor((s) => s.problems.filter((p) => p.severity === 'error').length);
  const warnings = useEditor((s) => s.problems.length) - errors;
  const empty = useEditor((s) => s.nodes.length === 0);
  const fitView = useFitView();
  const layout = useAutoLayout();
  const mod = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';

  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Canvas">
      <IconButton
        size="sm"
        label={`Undo (${mod}Z)`}
        icon={<Undo2 size={15} />}
        disabled={!canUndo}
        onClick={() => editorStore.getState().undo()}
      />
      <IconButton
        size="sm"
        label={`Redo (${mod}Shift+Z)`}
        icon={<Redo2 size={15} />}
        disabled={!canRedo}
        onClick={() => editorStore.getState().redo()}
      />
      <span className={styles.divider} />
      <IconButton size="sm" label="Auto-layout" icon={<Network size={15} />} disabled={empty} onClick={layout} />
      <IconButton
        size="sm"
        label="Fit view"
        icon={<Maximize size={15} />}
        onClick={() => fitView({ duration: 300 })}
      />
      <IconButton
        size="sm"
        label={snap ? 'Snap to grid: on' : 'Snap to grid: off'}
        icon={<Grid3x3 size={15} />}
        active={snap}
        onClick={() => toggle('snap')}
      />
      <IconButton
        size="sm"
        label={minimap ? 'Hide the minimap' : 'Show the minimap'}
        icon={<MapIcon size={15} />}
        active={minimap}
        onClick={() => toggle('minimap')}
      />
      <span className={styles.divider} />
      <Zoom />
      <span className={styles.divider} />
      <button
        type="button"
        className={cx(
          styles.problems,
          errors > 0 ? styles.hasErrors : warnings > 0 ? styles.hasWarnings : styles.clean,
          showProblems && styles.open,
        )}
        aria-pressed={showProblems}
        onClick={() => toggle('problems')}
        data-testid="problems-button"
      >
        {errors > 0 ? (
          <CircleAlert size={14} />
        ) : warnings > 0 ? (
          <TriangleAlert size={14} />
        ) : (
          <CircleCheck size={14} />
        )}
        {errors === 0 && warnings === 0
          ? 'No problems'
          : [errors > 0 && `${errors} ${errors === 1 ? 'error' : 'errors'}`, warnings > 0 && `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`]
              .filter(Boolean)
              .join(', ')}
      </button>
    </div>
  );
}
