import { MessageCircleQuestionMark } from 'lucide-react';
import { validations, type Validation } from '../../model';
import type { NodeSpec } from '../shared/spec';
import { readNumber, readString } from '../shared/read';

/** The question node: asks, checks the answer and saves it in an attribute. */
export const questionSpec: NodeSpec<'question'> = {
  type: 'question',
  label: 'Question',
  description: 'Asks a question, checks the answer and saves it in an attribute. Takes "invalid" after the last retry.',
  group: 'Conversation',
  icon: MessageCircleQuestionMark,
  hasInput: true,
  waitsForInput: true,
  defaults: () => ({
    text: 'What is your order number?',
    attribute: '',
    validation: 'text',
    pattern: '',
    retryText: 'Sorry, I did not understand. Please try again.',
    maxRetries: 2,
  }),
  normalize: (raw) => {
    const v = readString(raw, 'validation', 'text');
    return {
      text: readString(raw, 'text'),
      attribute: readString(raw, 'attribute'),
      validation: (validations as readonly string[]).includes(v) ? (v as Validation) : 'text',
      pattern: readString(raw, 'pattern'),
      retryText: readString(raw, 'retryText'),
      maxRetries: readNumber(raw, 'maxRetries'),
    };
  },
  outputs: () => [
    { id: 'out', label: 'Answered' },
    { id: 'invalid', label: 'Invalid' },
  ],
};
