import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
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
import { CanvasToolbar } from './CanvasToolbar';
import { nodeTypes } from './nodeTypes';
import { useFitView } from './useFitView';
import { canvasMinZoom, openingViewport, type Opening } from './viewport';
import { paletteMime } from './Palette';
import { ProblemsPanel } from './ProblemsPanel';
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

const minimapSize = { width: 168, height: 112 };

const minimapColor = (n: Node) => minimapColors[n.type ?? ''] ?? '#999';

/**
 * The canvas: React Flow over the editor store, with drops from the palette,
 * snap to grid, box and shift selection, a minimap, zoom controls, the
 * toolbar and the problems panel. Edges the simulator took are highlighted.
 */
export function FlowCanvas() {
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const onNodesChange = useEditor((s) => s.onNodesChange);
  const onEdgesChange = useEditor((s) => s.onEdgesChange);
  const onConnect = useEditor((s) => s.onConnect);
  const simPath = useSimHighlight((s) => s.path);
  const [snap, setSnap] = useState(true);
  const [showProblems, setShowProblems] = useState(false);
  const { screenToFlowPosition } = useReactFlow<FlowNode>();
  const fitView = useFitView();
  const measured = useNodesInitialized();
  const container = useRef<HTMLDivElement>(null);
  const [opening, setOpening] = useState<Opening | null>(null);
  const fitted = useRef(false);

  // The opening viewport needs the canvas' size, so React Flow mounts right
  // after the container is laid out (before the first paint).
  useLayoutEffect(() => {
    const box = container.current?.getBoundingClientRect();
    const o = openingViewport(editorStore.getState().nodes, box?.width ?? 0, box?.height ?? 0);
    fitted.current = !o.fitsWhole; // a big flow opens on its start and stays there
    setOpening(o);
  }, []);

  // A flow shown whole is fitted again once its cards are measured: the
  // opening viewport only estimated their heights.
  useEffect(() => {
    if (measured && !fitted.current) {
      fitted.current = true;
      fitView();
    }
  }, [measured, fitView]);

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
    editorStore.getState().addNode(type, { x: Math.round((p.x - 24) / 16) * 16, y: Math.round((p.y - 16) / 16) * 16 });
  };

  return (
    <div className={styles.canvas} data-testid="flow-canvas" ref={container}>
      {opening && (
        <ReactFlow<FlowNode>
          nodes={nodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
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
          <Controls showInteractive={false} showFitView={false} position="bottom-left" />
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
          <Panel position="top-left">
            <CanvasToolbar
              snap={snap}
              onToggleSnap={() => setSnap((v) => !v)}
              showProblems={showProblems}
              onToggleProblems={() => setShowProblems((v) => !v)}
            />
          </Panel>
          {showProblems && (
            <Panel position="top-right">
              <ProblemsPanel onClose={() => setShowProblems(false)} />
            </Panel>
          )}
        </ReactFlow>
      )}
    </div>
  );
}
