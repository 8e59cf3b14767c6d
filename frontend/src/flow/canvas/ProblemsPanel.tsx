import { CircleAlert, TriangleAlert, X } from 'lucide-react';
import { IconButton } from '../../components/ui';
import { cx } from '../../lib/cx';
import type { Problem } from '../model';
import { catalogue } from '../nodes/catalogue';
import { describeProblem } from '../problems';
import { editorStore, useEditor } from '../store';
import styles from './ProblemsPanel.module.css';
import { useFitView } from './useFitView';

/** Sorts problems: errors first, then the flow's own problems, then by node. */
function ordered(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      Number(b.severity === 'error') - Number(a.severity === 'error') ||
      Number(b.nodeId === '') - Number(a.nodeId === '') ||
      a.nodeId.localeCompare(b.nodeId),
  );
}

/**
 * Every problem validation found in the open flow. Clicking one selects its
 * node and brings it into view.
 */
export function ProblemsPanel({ onClose }: { onClose: () => void }) {
  const problems = useEditor((s) => s.problems);
  const nodes = useEditor((s) => s.nodes);
  const fitView = useFitView();

  const reveal = (nodeId: string) => {
    if (nodeId === '' || !nodes.some((n) => n.id === nodeId)) {
      return;
    }
    editorStore.getState().select([nodeId]);
    fitView({ nodeIds: [nodeId], duration: 300, maxZoom: 1.1, padding: 0.6 });
  };

  return (
    <section className={styles.panel} aria-label="Problems">
      <header className={styles.header}>
        <h3 className={styles.title}>Problems</h3>
        <IconButton size="sm" label="Close problems" icon={<X size={14} />} onClick={onClose} />
      </header>
      {problems.length === 0 ? (
        <p className={styles.empty}>No problems. This flow can be published.</p>
      ) : (
        <ul className={styles.list}>
          {ordered(problems).map((p, i) => {
            const node = nodes.find((n) => n.id === p.nodeId);
            return (
              <li key={i}>
                <button
                  type="button"
                  className={cx(styles.item, p.severity === 'error' ? styles.error : styles.warning)}
                  onClick={() => reveal(p.nodeId)}
                  disabled={node === undefined}
                >
                  {p.severity === 'error' ? <CircleAlert size={14} /> : <TriangleAlert size={14} />}
                  <span className={styles.text}>
                    <span className={styles.where}>{node === undefined ? 'Flow' : catalogue[node.type].label}</span>
                    {describeProblem(p, node)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
