import { Copy, Trash2 } from 'lucide-react';
import { Drawer, IconButton } from '../../components/ui';
import { cx } from '../../lib/cx';
import type { DataByType, FlowNode, NodeType } from '../model';
import { catalogue } from '../nodes/catalogue';
import { registry, type NodeView } from '../nodes/registry';
import colors from '../nodes/shared/nodeColors.module.css';
import { describeProblem } from '../problems';
import { editorStore, selectSingleNode, useEditor } from '../store';
import styles from './Inspector.module.css';

const noProblems: never[] = [];

/** The width of the inspector drawer. */
export const inspectorWidth = 340;

/** The form of one node, typed by its node type. */
function NodeForm({ node }: { node: FlowNode }) {
  const problems = useEditor((s) => s.problemsByNode[node.id] ?? noProblems);
  const view = registry[node.type] as NodeView<NodeType>;
  const Form = view.inspector;
  const update = (patch: Partial<DataByType[NodeType]>, key?: string) =>
    editorStore.getState().updateData(node.id, patch, key);
  return <Form node={node} update={update} problems={problems} />;
}

/**
 * The inspector drawer: it opens beside the canvas while exactly one node is
 * selected and edits it (its type, id, actions, the type's form and the
 * problems validation found in it). Closing it (its button or Escape)
 * clears the selection.
 */
export function Inspector() {
  const node = useEditor(selectSingleNode);
  const problems = useEditor((s) => (node === null ? noProblems : (s.problemsByNode[node.id] ?? noProblems)));
  if (node === null) {
    return null;
  }

  const spec = catalogue[node.type];
  const Icon = spec.icon;
  const unattached = problems.filter((p) => p.field === '' || p.field === 'outputs' || p.field === 'edges' || p.field === 'id');
  return (
    <Drawer
      label="Inspector"
      kind="inspector"
      width={inspectorWidth}
      title={spec.label}
      subtitle={<span title="Node id">{node.id}</span>}
      icon={
        <span className={cx(styles.icon, colors.typed)} data-type={node.type}>
          <Icon size={16} />
        </span>
      }
      actions={
        <>
          <IconButton
            size="sm"
            label="Duplicate node"
            icon={<Copy size={14} />}
            disabled={spec.single === true}
            onClick={() => editorStore.getState().duplicate([node.id])}
          />
          <IconButton
            size="sm"
            label="Delete node"
            icon={<Trash2 size={14} />}
            onClick={() => editorStore.getState().deleteNodes([node.id])}
          />
        </>
      }
      onClose={() => editorStore.getState().select([])}
    >
      <div className={styles.inspector} aria-label={`${spec.label} node`} role="region">
        <p className={styles.description}>{spec.description}</p>
        <div className={styles.form} key={node.id}>
          <NodeForm node={node} />
        </div>
        {unattached.length > 0 && (
          <ul className={styles.problems} aria-label="Problems of this node">
            {unattached.map((p, i) => (
              <li key={i} className={p.severity === 'error' ? styles.problemError : styles.problemWarning}>
                {describeProblem(p, node)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Drawer>
  );
}
