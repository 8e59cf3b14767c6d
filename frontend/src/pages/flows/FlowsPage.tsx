import { MessageCircle, Play, Plus, Rocket, Upload, Workflow } from 'lucide-react';
import { Button, EmptyState, Page } from '../../components/ui';
import styles from './FlowsPage.module.css';

const steps = [
  {
    icon: Workflow,
    title: 'Build',
    text: 'Drag messages, questions, buttons and API calls onto the canvas and connect them.',
  },
  { icon: Play, title: 'Try', text: 'Chat with the flow in the simulator before any customer sees it.' },
  { icon: Rocket, title: 'Publish', text: 'Turn it on and it answers your WhatsApp number, day and night.' },
];

/** The list of chatbot flows; until the editor lands it explains what will be here. */
export function FlowsPage() {
  return (
    <Page
      title="Flows"
      icon={<Workflow size={18} />}
      description="Chatbot conversations that answer your WhatsApp messages."
      actions={
        <Button variant="primary" icon={<Plus size={15} />} disabled title="The flow editor is on its way.">
          New flow
        </Button>
      }
      fullBleed
    >
      <div className={styles.canvas}>
        <EmptyState
          icon={<MessageCircle size={22} />}
          title="Design conversations"
          actions={
            <>
              <Button variant="primary" icon={<Plus size={15} />} disabled>
                New flow
              </Button>
              <Button icon={<Upload size={15} />} disabled>
                Import bundle
              </Button>
            </>
          }
          hint="Creating flows turns on with the flow editor."
        >
          Design conversations on a canvas: greet customers, ask questions, offer buttons and lists, call your APIs and
          branch on the answers. Publish a flow to answer WhatsApp messages live.
        </EmptyState>
        <ol className={styles.steps} aria-label="How it works">
          {steps.map((s, i) => {
            const Icon = s.icon;
            return (
              <li key={s.title} className={styles.step}>
                <span className={styles.stepIcon} aria-hidden="true">
                  <Icon size={15} />
                </span>
                <span className={styles.stepTitle}>
                  {i + 1}. {s.title}
                </span>
                <span className={styles.stepText}>{s.text}</span>
              </li>
            );
          })}
        </ol>
      </div>
    </Page>
  );
}
