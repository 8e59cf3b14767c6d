export { attributeTypes, typeLabel } from '../../lib/attributeTypes';

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
