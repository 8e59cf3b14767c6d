import { Select, type SelectOption } from '../../../components/ui';
import { useAttributeList } from '../../../components/placeholder/attributeList';
import { typeLabel } from '../../../lib/attributeTypes';

/** Props of AttributeSelect. */
export interface AttributeSelectProps {
  label: string;
  value: string;
  onChange: (name: string) => void;
  /** The empty choice, e.g. "Choose an attribute…" or "Don't save the choice". */
  placeholder: string;
  /** Whether the empty choice can be picked again (optional attributes). */
  optional?: boolean;
  hint?: string;
  error?: string;
}

/**
 * Chooses an attribute by name: custom attributes first, then the built-ins.
 * A name that no longer exists stays visible, marked missing, so nothing
 * changes behind the user's back.
 */
export function AttributeSelect({ label, value, onChange, placeholder, optional, hint, error }: AttributeSelectProps) {
  const attributes = useAttributeList();
  const custom = attributes.filter((a) => !a.builtIn);
  const builtIn = attributes.filter((a) => a.builtIn);
  const options: SelectOption[] = [
    ...custom.map((a) => ({ value: a.name, label: `${a.name} · ${typeLabel(a.type)}` })),
    ...builtIn.map((a) => ({ value: a.name, label: `${a.name} · built-in` })),
  ];
  if (value !== '' && !attributes.some((a) => a.name === value)) {
    options.unshift({ value, label: `${value} · missing` });
  }
  return (
    <Select
      label={label}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder}
      required={optional !== true}
      hint={hint ?? (custom.length === 0 ? 'Create your own attributes on the Attributes page.' : undefined)}
      error={error}
    />
  );
}
