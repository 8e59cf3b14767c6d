export { Attachment } from './Attachment';
export type { AttachmentProps } from './Attachment';
export { Lightbox } from './Lightbox';
export { formatBytes, isPicture, kindNoun, mediaHref, mediaKinds, typeLabel } from './media';
export type { AttachmentView } from './media';
