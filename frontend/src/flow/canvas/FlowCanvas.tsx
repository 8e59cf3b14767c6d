import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  MiniMap,
  Panel,
  ReactFlow,
  SelectionMode,
  useNodesInitialized,
  useReactFlow,
  type DefaultEdgeOptions,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { pathKey, useSimHighlight } from '../../simulator/highlight';
import { isNodeType, type FlowNode } from '../model';
import { editorStore, useEditor } from '../store';
import { BlockMenu } from './BlockMenu';
import { CanvasToolbar } from './CanvasToolbar';
import { useEditorUi } from './editorUi';
import { nodeTypes } from './nodeTypes';
import { Palette, paletteMime } from './Palette';
import { snapped } from './placement';
import { ProblemsPanel } from './ProblemsPanel';
import { SelectionBar } from './SelectionBar';
import { useConnectDrop } from './useConnectDrop';
import { useKeepClearOfMinimap } from './useKeepClearOfMinimap';
import { useKeepSelectionInView } from './useKeepSelectionInView';
import { canvasMinZoom, openingViewport, type Opening } from './viewport';
import styles from './FlowCanvas.module.css';

const snapGrid: [number, number] = [16, 16];

// No arrowheads: edges always run from an output on the right to an input on
// the left, and an arrow on top of the input handle only adds clutter.
const defaultEdgeOptions: DefaultEdgeOptions = {
  type: 'smoothstep',
  pathOptions: { borderRadius: 12 },
} as DefaultEdgeOptions;

const minimapColors: Record<string, string> = {
  start: '#0f9d76',
  message: '#3f6fe0',
  question: '#8b5cf6',
  buttons: '#0284c7',
  list: '#0d9488',
  condition: '#d97706',
  setAttribute: '#64748b',
  api: '#ea580c',
  delay: '#6366f1',
  handoff: '#db2777',
  end: '#dc2626',
};

/** Small enough to leave the corner's blocks in view; a selected block under it is panned clear (useKeepClearOfMinimap). */
const minimapSize = { width: 144, height: 92 };

const minimapColor = (n: Node) => minimapColors[n.type ?? ''] ?? '#999';

/**
 * The canvas: React Flow over the editor store, with the block strip, the
 * add-block menu (also on a connection dropped on empty canvas), drops from
 * the strip, snap to grid, box and shift selection, an optional minimap, the
 * toolbar and the problems panel. Edges the simulator took are highlighted.
 */
export function FlowCanvas() {
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const onNodesChange = useEditor((s) => s.onNodesChange);
  const onEdgesChange = useEditor((s) => s.onEdgesChange);
  const onConnect = useEditor((s) => s.onConnect);
  const simPath = useSimHighlight((s) => s.path);
  const snap = useEditorUi((s) => s.snap);
  const minimap = useEditorUi((s) => s.minimap);
  const showProblems = useEditorUi((s) => s.problems);
  const { screenToFlowPosition, setViewport } = useReactFlow<FlowNode>();
  const onConnectEnd = useConnectDrop();
  const measured = useNodesInitialized();
  const container = useRef<HTMLDivElement>(null);
  const [opening, setOpening] = useState<Opening | null>(null);
  const fitted = useRef(false);
  useKeepSelectionInView();
  useKeepClearOfMinimap();

  // The opening viewport needs the canvas' size, so React Flow mounts right
  // after the container is laid out (before the first paint).
  useLayoutEffect(() => {
    const box = container.current?.getBoundingClientRect();
    const o = openingViewport(editorStore.getState().nodes, box?.width ?? 0, box?.height ?? 0);
    fitted.current = !o.fitsWhole; // a big flow opens on its start and stays there
    useEditorUi.getState().reset({ minimap: !o.fitsWhole });
    setOpening(o);
  }, []);

  // A flow shown whole is framed again once its cards are measured: the
  // opening viewport only estimated their heights.
  useEffect(() => {
    const box = container.current?.getBoundingClientRect();
    if (measured && !fitted.current && box !== undefined) {
      fitted.current = true;
      void setViewport(openingViewport(editorStore.getState().nodes, box.width, box.height).viewport);
    }
  }, [measured, setViewport]);

  const shownEdges = useMemo(
    () =>
      Object.keys(simPath).length === 0
        ? edges
        : edges.map((e) => (simPath[pathKey(e.source, e.target)] ? { ...e, className: styles.taken, animated: true } : e)),
    [edges, simPath],
  );

  const onDragOver = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(paletteMime)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    }
  };

  const onDrop = (e: DragEvent) => {
    const type = e.dataTransfer.getData(paletteMime);
    if (!isNodeType(type)) {
      return;
    }
    e.preventDefault();
    const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    // The pointer holds the node near its top-left corner, where the title is.
    editorStore.getState().addNode(type, snapped({ x: p.x - 24, y: p.y - 16 }));
  };

  return (
    <div className={styles.canvas} data-testid="flow-canvas" ref={container} tabIndex={-1}>
      {opening && (
        <ReactFlow<FlowNode>
          nodes={nodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          onNodeDragStart={() => editorStore.getState().beginDrag()}
          onNodeDragStop={() => editorStore.getState().endDrag()}
          onSelectionDragStart={() => editorStore.getState().beginDrag()}
          onSelectionDragStop={() => editorStore.getState().endDrag()}
          onDragOver={onDragOver}
          onDrop={onDrop}
          defaultEdgeOptions={defaultEdgeOptions}
          connectionLineType={ConnectionLineType.SmoothStep}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          selectionMode={SelectionMode.Partial}
          snapToGrid={snap}
          snapGrid={snapGrid}
          minZoom={canvasMinZoom}
          maxZoom={2}
          defaultViewport={opening.viewport}
          // A flow shown whole has every node in view anyway, and must have
          // them all measured for the refit above.
          onlyRenderVisibleElements={!opening.fitsWhole}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} className={styles.background} />
          {minimap && (
            <MiniMap
              pannable
              zoomable
              position="bottom-right"
              nodeColor={minimapColor}
              nodeBorderRadius={6}
              className={styles.minimap}
              style={minimapSize}
              ariaLabel="Minimap"
            />
          )}
          <Panel position="top-left">
            <CanvasToolbar />
          </Panel>
          {showProblems && (
            <Panel position="top-right">
              <ProblemsPanel onClose={() => useEditorUi.getState().toggle('problems', false)} />
            </Panel>
          )}
          <Panel position="bottom-center">
            <SelectionBar />
          </Panel>
          <Palette />
        </ReactFlow>
      )}
      <BlockMenu />
    </div>
  );
}
