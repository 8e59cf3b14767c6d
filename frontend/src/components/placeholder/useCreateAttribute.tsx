import { useState, type ReactNode } from 'react';
import { toast } from '../ui';
import { AttributeDialog } from '../attribute';
import { useAttributeListStore } from './attributeList';
import type { CreateAttribute } from './useSlashPicker';

interface Pending {
  name: string;
  from: number;
  to: number;
}

/**
 * The "Create attribute" entry of a `/` picker: opens the Attributes page's
 * dialog with the typed name (the type can still be chosen there), and once
 * the attribute is saved inserts {{name}} over the "/query" the user typed.
 * Cancelling leaves the typed text as it is. Render the returned dialog
 * beside the field.
 */
export function useCreateAttribute(insert: (from: number, to: number, name: string) => void): {
  onCreate: CreateAttribute;
  dialog: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const list = useAttributeListStore((s) => s.list);
  const load = useAttributeListStore((s) => s.load);
  const dialog =
    pending === null ? null : (
      <AttributeDialog
        open
        initialName={pending.name}
        taken={(list ?? []).map((a) => a.name)}
        onClose={() => setPending(null)}
        onSaved={(saved) => {
          setPending(null);
          toast.success(`Created ${saved.name}`);
          void load();
          insert(pending.from, pending.to, saved.name);
        }}
      />
    );
  return { onCreate: (name, from, to) => setPending({ name, from, to }), dialog };
}
