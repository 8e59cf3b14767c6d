import { MessageSquareText } from 'lucide-react';
import type { NodeSpec } from '../shared/spec';
import { readString } from '../shared/read';

/** The message node: sends a text, or media with a caption. */
export const messageSpec: NodeSpec<'message'> = {
  type: 'message',
  label: 'Message',
  description: 'Sends a text, or an image, video, audio or document with a caption.',
  group: 'Conversation',
  icon: MessageSquareText,
  hasInput: true,
  waitsForInput: false,
  defaults: () => ({ text: 'Hello {{contact.name}}!', mediaUrl: '', mediaType: '' }),
  normalize: (raw) => ({
    text: readString(raw, 'text'),
    mediaUrl: readString(raw, 'mediaUrl'),
    mediaType: readString(raw, 'mediaType'),
  }),
  outputs: () => [{ id: 'out', label: '' }],
};
