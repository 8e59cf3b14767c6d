import { Plug, Plus, Terminal } from 'lucide-react';
import { Button, EmptyState, Page } from '../../components/ui';

/** The API manager; until it lands it explains what will be here. */
export function ApisPage() {
  return (
    <Page
      title="APIs"
      icon={<Plug size={18} />}
      description="Outside JSON APIs your flows can call."
      actions={
        <Button variant="primary" icon={<Plus size={15} />} disabled title="The API manager is on its way.">
          New API
        </Button>
      }
    >
      <EmptyState
        fill
        icon={<Plug size={22} />}
        title="Connect your outside APIs"
        actions={
          <>
            <Button variant="primary" icon={<Plus size={15} />} disabled>
              New API
            </Button>
            <Button icon={<Terminal size={15} />} disabled>
              Import cURL
            </Button>
          </>
        }
        hint="Adding APIs turns on with the API manager."
      >
        Describe the JSON APIs your flows call — an order lookup, a booking system, a CRM. Send a test request, look at
        the response, and map its fields to attributes your messages can use.
      </EmptyState>
    </Page>
  );
}
