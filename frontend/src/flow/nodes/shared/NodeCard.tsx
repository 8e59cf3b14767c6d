import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import { CircleAlert, TriangleAlert } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { cx } from '../../../lib/cx';
import { useSimHighlight } from '../../../simulator/highlight';
import type { NodeType, OutputHandle } from '../../model';
import { describeProblem } from '../../problems';
import { useEditor } from '../../store';
import { catalogue } from '../catalogue';
import styles from './NodeCard.module.css';

/** Props of NodeCard. */
export interface NodeCardProps {
  id: string;
  type: NodeType;
  selected: boolean;
  /** The node's outputs; labelled ones get a row each, an unlabelled one a handle on the card's edge. */
  outputs: OutputHandle[];
  /** How labelled outputs look: "choice" for buttons and list rows, "branch" for the rest. */
  outputLook?: 'choice' | 'branch';
  /** A line under the title, such as the API's name. */
  subtitle?: ReactNode;
  children?: ReactNode;
  /** A small line at the bottom, such as "Saves to order_id". */
  footer?: ReactNode;
}

const noProblems: never[] = [];

/**
 * The frame every node type draws in: a header with the type's icon and name,
 * a badge listing validation problems, the node's content, one row per output
 * with its own handle, and the simulator's highlight.
 */
export function NodeCard({ id, type, selected, outputs, outputLook = 'branch', subtitle, children, footer }: NodeCardProps) {
  const spec = catalogue[type];
  const Icon = spec.icon;
  const problems = useEditor((s) => s.problemsByNode[id] ?? noProblems);
  const current = useSimHighlight((s) => s.current === id);
  const visited = useSimHighlight((s) => s.visited[id] === true);
  const updateNodeInternals = useUpdateNodeInternals();
  const handleKey = outputs.map((o) => o.id).join('\u0000');

  // Handles move when options are added, removed or reordered; React Flow
  // must measure them again or edges would attach to the old places. Not on
  // mount: React Flow measures a new node itself, and a forced update from
  // every node of a big flow made opening it quadratic (docs/performance.md).
  const measuredKey = useRef(handleKey);
  useEffect(() => {
    if (measuredKey.current === handleKey) {
      return;
    }
    measuredKey.current = handleKey;
    updateNodeInternals(id);
  }, [id, handleKey, updateNodeInternals]);

  const errors = problems.filter((p) => p.severity === 'error').length;
  const labelled = outputs.filter((o) => o.label !== '');
  const bare = outputs.find((o) => o.label === '');

  return (
    <div
      className={cx(styles.card, selected && styles.selected, current && styles.current, visited && styles.visited)}
      data-type={type}
      data-testid={`node-${id}`}
      data-node-type={type}
    >
      {spec.hasInput && <Handle type="target" position={Position.Left} className={cx(styles.handle, styles.target)} />}
      <header className={styles.header}>
        <span className={styles.icon} aria-hidden="true">
          <Icon size={14} strokeWidth={2.25} />
        </span>
        <div className={styles.titles}>
          <span className={styles.title}>{spec.label}</span>
          {subtitle !== undefined && <span className={styles.subtitle}>{subtitle}</span>}
        </div>
        {problems.length > 0 && (
          <span
            className={cx(styles.problems, errors > 0 ? styles.error : styles.warning)}
            aria-label={`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`}
            data-testid="node-problems"
            tabIndex={0}
          >
            {errors > 0 ? <CircleAlert size={12} /> : <TriangleAlert size={12} />}
            {problems.length}
            <span className={styles.tooltip} role="tooltip">
              {problems.map((p, i) => (
                <span key={i} className={styles.tooltipLine}>
                  {describeProblem(p, outputs)}
                </span>
              ))}
            </span>
          </span>
        )}
      </header>
      {children !== undefined && <div className={styles.body}>{children}</div>}
      {labelled.length > 0 && (
        <div className={styles.outputs}>
          {labelled.map((o) => (
            <div
              key={o.id}
              className={cx(styles.output, outputLook === 'choice' ? styles.choice : styles.branch)}
              data-handle={o.id}
            >
              <span className={styles.outputLabel}>{o.label}</span>
              <Handle
                type="source"
                id={o.id}
                position={Position.Right}
                className={cx(styles.handle, styles.rowHandle)}
              />
            </div>
          ))}
        </div>
      )}
      {footer !== undefined && <div className={styles.footer}>{footer}</div>}
      {bare !== undefined && (
        <Handle type="source" id={bare.id} position={Position.Right} className={cx(styles.handle, styles.source)} />
      )}
    </div>
  );
}
