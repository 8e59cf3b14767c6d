/**
 * The attribute types and the words the UI uses for them, shared by the
 * Attributes page, the API editor, the pickers and the flow inspector.
 */

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
