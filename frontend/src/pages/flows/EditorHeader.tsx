import { ArrowLeft, Pencil, Play, Radio } from 'lucide-react';
import { Badge, Button, IconButton } from '../../components/ui';
import { useEditorUi } from '../../flow/canvas/editorUi';
import { useEditor } from '../../flow/store';
import { SaveStatus } from './SaveStatus';
import type { Publishing } from './usePublishing';
import styles from './EditorHeader.module.css';

/** Props of EditorHeader. */
export interface EditorHeaderProps {
  publishing: Publishing;
  onBack: () => void;
  onRename: () => void;
  onRetrySave: () => void;
}

/**
 * The flow editor's one-line header: back to the flows, the name, live and
 * save state on the left; "Try it" (the simulator drawer) and Publish on the
 * right. It is 48 px high, so the canvas keeps the window's height.
 */
export function EditorHeader({ publishing, onBack, onRename, onRetrySave }: EditorHeaderProps) {
  const name = useEditor((s) => s.name);
  const simulator = useEditorUi((s) => s.simulator);
  const toggle = useEditorUi((s) => s.toggle);
  return (
    <header className={styles.header}>
      <a
        className={styles.back}
        href="#/flows"
        title="Back to the flows"
        onClick={(e) => {
          e.preventDefault();
          onBack();
        }}
      >
        <ArrowLeft size={15} aria-hidden="true" />
        <span>Flows</span>
      </a>
      <span className={styles.slash} aria-hidden="true">
        /
      </span>
      <h1 className={styles.name} title={name}>
        {name}
      </h1>
      <IconButton size="sm" label="Rename flow" icon={<Pencil size={14} />} onClick={onRename} />
      <span className={styles.state}>
        {publishing.published ? (
          <Badge tone="success" dot>
            Live
          </Badge>
        ) : (
          <Badge>Draft</Badge>
        )}
        {publishing.changesNotLive && <Badge tone="info">Changes not live</Badge>}
        <SaveStatus onRetry={onRetrySave} />
      </span>
      <span className={styles.spacer} />
      <Button
        icon={<Play size={15} />}
        onClick={() => toggle('simulator')}
        aria-pressed={simulator}
        data-testid="open-simulator"
        title="Chat with this flow in the simulator"
      >
        Try it
      </Button>
      {publishing.published && !publishing.changesNotLive ? (
        <Button loading={publishing.busy} onClick={() => void publishing.unpublish()}>
          Unpublish
        </Button>
      ) : (
        <Button variant="primary" icon={<Radio size={15} />} loading={publishing.busy} onClick={() => void publishing.publish()}>
          {publishing.published ? 'Publish changes' : 'Publish'}
        </Button>
      )}
    </header>
  );
}
