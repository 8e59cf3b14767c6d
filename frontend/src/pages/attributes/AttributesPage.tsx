import { Braces, Plus } from 'lucide-react';
import { Badge, Button, EmptyState, Page } from '../../components/ui';
import styles from './AttributesPage.module.css';

const builtIns = ['contact.name', 'contact.phone', 'message.text', 'api.status', 'api.error'];

/** Custom attribute definitions; until the editor lands it explains what will be here. */
export function AttributesPage() {
  return (
    <Page
      title="Attributes"
      icon={<Braces size={18} />}
      description="What your flows remember about each contact."
      actions={
        <Button variant="primary" icon={<Plus size={15} />} disabled title="Attribute editing is on its way.">
          New attribute
        </Button>
      }
    >
      <EmptyState
        fill
        icon={<Braces size={22} />}
        title="Remember what customers tell you"
        actions={
          <Button variant="primary" icon={<Plus size={15} />} disabled>
            New attribute
          </Button>
        }
        hint="Adding attributes turns on with the attribute editor."
      >
        <p>
          Attributes hold what a flow learns about a contact — an order number, an email, a preferred date — so later
          messages and API calls can use it as a <code>{'{{placeholder}}'}</code>.
        </p>
        <div className={styles.builtIns}>
          <span className={styles.builtInsLabel}>Always available:</span>
          {builtIns.map((name) => (
            <Badge key={name} tone="accent" mono>
              {name}
            </Badge>
          ))}
        </div>
      </EmptyState>
    </Page>
  );
}
