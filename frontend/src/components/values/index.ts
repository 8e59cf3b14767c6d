/** Showing attribute values: text, lists of items and objects. */
export { AttributeValue, shownItems, type AttributeValueProps } from './AttributeValue';
export { jsonText, parseStructured, type Structured, type StructuredItem } from './structured';
