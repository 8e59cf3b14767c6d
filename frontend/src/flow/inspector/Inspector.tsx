import { Copy, MousePointerClick, Trash2 } from 'lucide-react';
import { IconButton } from '../../components/ui';
import type { DataByType, FlowNode, NodeType } from '../model';
import { catalogue } from '../nodes/catalogue';
import { registry, type NodeView } from '../nodes/registry';
import colors from '../nodes/shared/nodeColors.module.css';
import { describeProblem } from '../problems';
import { editorStore, selectSingleNode, useEditor } from '../store';
import { cx } from '../../lib/cx';
import styles from './Inspector.module.css';

const noProblems: never[] = [];

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
 * The right-hand panel that edits the selected node: its type, id, actions,
 * the type's form and the problems validation found in it. With no single
 * node selected it says how to pick one.
 */
export function Inspector() {
  const node = useEditor(selectSingleNode);
  const selectedCount = useEditor((s) => s.nodes.reduce((n, x) => n + (x.selected === true ? 1 : 0), 0));
  const problems = useEditor((s) => (node === null ? noProblems : (s.problemsByNode[node.id] ?? noProblems)));

  if (node === null) {
    return (
      <div className={styles.empty}>
        <MousePointerClick size={22} aria-hidden="true" />
        <p className={styles.emptyTitle}>{selectedCount > 1 ? `${selectedCount} nodes selected` : 'Nothing selected'}</p>
        <p>
          {selectedCount > 1
            ? 'Select one node to edit it. Copy, paste or delete the selection with the keyboard.'
            : 'Select a node on the canvas to edit it, or drag a new one from the palette.'}
        </p>
      </div>
    );
  }

  const spec = catalogue[node.type];
  const Icon = spec.icon;
  const unattached = problems.filter((p) => p.field === '' || p.field === 'outputs' || p.field === 'edges' || p.field === 'id');
  return (
    <div className={styles.inspector} aria-label={`${spec.label} node`} role="region">
      <header className={cx(styles.header, colors.typed)} data-type={node.type}>
        <span className={styles.icon} aria-hidden="true">
          <Icon size={16} />
        </span>
        <div className={styles.titles}>
          <h2 className={styles.title}>{spec.label}</h2>
          <span className={styles.id} title="Node id">
            {node.id}
          </span>
        </div>
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
      </header>
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
  );
}
