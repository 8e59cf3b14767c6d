import { Headset } from 'lucide-react';
import type { NodeSpec } from '../shared/spec';
import { readString } from '../shared/read';

/** The handoff node: pauses the bot until a person resumes it from the inbox. */
export const handoffSpec: NodeSpec<'handoff'> = {
  type: 'handoff',
  label: 'Hand off',
  description: 'Sends a message and pauses the bot for this contact until someone resumes it from the inbox.',
  group: 'Finish',
  icon: Headset,
  hasInput: true,
  waitsForInput: false,
  defaults: () => ({ text: 'A person from our team will answer you shortly.' }),
  normalize: (raw) => ({ text: readString(raw, 'text') }),
  outputs: () => [],
};
