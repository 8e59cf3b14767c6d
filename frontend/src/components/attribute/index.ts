/**
 * Custom attributes as every page meets them: the create/edit dialog and the
 * rules a name must follow (the backend's, so forms can say what is wrong
 * while the user types). The Attributes page, the "/" picker's "Create
 * attribute" and the API mapping dialog share them.
 */
export { AttributeDialog, type AttributeDialogProps } from './AttributeDialog';
export { attributeTypes, builtInNames, nameProblem, typeLabel, typeTone } from './validation';
