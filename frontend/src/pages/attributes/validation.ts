/** The attribute types a business owner can choose from, in the order offered. */
export const attributeTypes = [
  { value: 'text', label: 'Text', hint: 'Any words: a name, an order number, an email.' },
  { value: 'number', label: 'Number', hint: 'An amount or a count; 1,250.50 is stored as 1250.5.' },
  { value: 'boolean', label: 'Yes / no', hint: 'true or false; yes, no, on, off and 1, 0 are understood.' },
  { value: 'date', label: 'Date', hint: 'A day, stored as YYYY-MM-DD.' },
  {
    value: 'list',
    label: 'List',
    hint: 'Several items from an API, such as time slots or open orders; rows and loops are made from it.',
  },
] as const;

/**
 * The word the UI shows for an attribute type, the same in the dialog, the
 * tables and the pickers ("Yes / no", never "boolean"); a type it does not
 * know (a picker's "format" entry) is shown as it is.
 */
export function typeLabel(type: string): string {
  return attributeTypes.find((t) => t.value === type)?.label ?? type;
}

/** Names of the attributes that always exist; the backend refuses them for custom ones. */
export const builtInNames = [
  'contact.name',
  'contact.phone',
  'message.text',
  'message.media.path',
  'message.media.mime',
  'message.media.caption',
  'message.media.filename',
  'api.status',
  'api.error',
];

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
const maxNameLength = 64;

/**
 * Checks a custom attribute name the way the backend does, so the form can
 * say what is wrong while the user types. Returns '' when the name is fine.
 */
export function nameProblem(name: string, taken: string[] = []): string {
  const n = name.trim();
  if (n === '') return 'A name is required.';
  if (n.length > maxNameLength) return `Keep it under ${maxNameLength + 1} characters.`;
  if (builtInNames.includes(n)) return `${n} is a built-in attribute.`;
  if (/^[0-9]/.test(n)) return 'A name cannot start with a digit.';
  if (!namePattern.test(n)) return 'Use only letters, digits and underscores (for example order_id).';
  if (taken.some((t) => t.toLowerCase() === n.toLowerCase())) return `An attribute named ${n} already exists.`;
  return '';
}

/** The badge tone that tells types apart at a glance. */
export function typeTone(type: string): 'info' | 'warning' | 'success' | 'accent' | 'neutral' {
  switch (type) {
    case 'text':
      return 'info';
    case 'number':
      return 'warning';
    case 'boolean':
      return 'success';
    case 'date':
      return 'accent';
    case 'list':
      return 'neutral';
  }
  return 'neutral';
}
