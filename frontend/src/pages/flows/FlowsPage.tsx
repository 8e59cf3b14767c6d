import { Plus, Upload, Workflow } from 'lucide-react';
import { Button, EmptyState, Page } from '../../components/ui';

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
    >
      <EmptyState
        icon={<Workflow size={22} />}
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
    </Page>
  );
}
