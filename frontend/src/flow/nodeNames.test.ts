import { describe, expect, it } from 'vitest';
import type { FlowNode } from './model';
import { nodeName, readableNodeRefs } from './nodeNames';

const nodes = [
  { id: 'buttons_ueym', type: 'buttons', position: { x: 0, y: 0 }, data: { text: 'Hi {{contact.name}}! How can we help you today with your order?', buttons: [], attribute: '' } },
  { id: 'ask', type: 'question', position: { x: 0, y: 0 }, data: { text: 'What is your order number?', attribute: 'order_id', validation: 'text', pattern: '', retryText: '', maxRetries: 2 } },
  { id: 'wait', type: 'delay', position: { x: 0, y: 0 }, data: { seconds: 0 } },
] as FlowNode[];

describe('nodeName', () => {
  it('names a node by its type and the start of its text', () => {
    expect(nodeName(nodes[0])).toBe('Buttons “Hi {{contact.name}}! How can we hel…”');
    expect(nodeName(nodes[1])).toBe('Question “What is your order number?”');
  });

  it('falls back to the id when the node says nothing', () => {
    expect(nodeName(nodes[2])).toBe('Delay (wait)');
  });
});

describe('readableNodeRefs', () => {
  it('rewrites the ids Go messages use', () => {
    expect(readableNodeRefs('node buttons_ueym: the message is empty', nodes)).toBe(
      'Buttons “Hi {{contact.name}}! How can we hel…”: the message is empty',
    );
    expect(readableNodeRefs('flow "Support" (question node ask)', nodes)).toBe('flow "Support" (Question “What is your order number?”)');
    expect(readableNodeRefs('"Support" has 1 error to fix before it can go live (node ask: choose an attribute).', nodes)).toBe(
      '"Support" has 1 error to fix before it can go live (Question “What is your order number?”: choose an attribute).',
    );
  });

  it('leaves unknown ids and other words alone', () => {
    expect(readableNodeRefs('a connection leads to the missing node "gone"; the run ended', nodes)).toBe(
      'a connection leads to the missing node "gone"; the run ended',
    );
    expect(readableNodeRefs('nodes and a node', nodes)).toBe('nodes and a node');
  });
});
