/**
 * Placeholder-aware fields shared by the APIs page and the flow editor:
 * typing "/" opens an attribute picker that inserts {{name}}; placeholders
 * are highlighted (unknown names in red).
 */
export { AttributePicker } from './AttributePicker';
export {
  attributesChangedEvent,
  useAttributeInfos,
  useAttributeList,
  useAttributeListStore,
  useAttributesSync,
} from './attributeList';
export { lintJsonWithPlaceholders } from './codemirror';
export { PlaceholderCodeEditor, type CodeMode, type PlaceholderCodeEditorProps } from './PlaceholderCodeEditor';
export { PlaceholderInput, type PlaceholderInputProps } from './PlaceholderInput';
export {
  filterAttributes,
  insertPlaceholder,
  placeholderFor,
  placeholderNames,
  placeholderPattern,
  splitPlaceholders,
  type AttributeOption,
  type Segment,
} from './placeholders';
export { useSlashPicker, type PickerAnchor, type SlashPicker } from './useSlashPicker';
