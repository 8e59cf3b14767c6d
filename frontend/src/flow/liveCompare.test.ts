import { describe, expect, it } from 'vitest';
import { behaviourKey } from './liveCompare';
import type { FlowEdge, FlowNode } from './model';

const msg = (id: string, text: string, x = 0): FlowNode =>
  ({ id, type: 'message', position: { x, y: 0 }, data: { text, mediaUrl: '', mediaType: '', mediaFile: '', mediaName: '' } });
const edge = (source: string, target: string): FlowEdge => ({ id: `e_${source}_out_${target}`, source, sourceHandle: 'out', target });

describe('behaviourKey', () => {
  it('is the same after typing and deleting, moving cards or reordering', () => {
    const a = behaviourKey([msg('a', 'Hi'), msg('b', 'Bye')], [edge('a', 'b')]);
    expect(behaviourKey([msg('b', 'Bye', 300), msg('a', 'Hi', 40)], [edge('a', 'b')])).toBe(a);
  });

  it('differs when a text, a connection or a node changes', () => {
    const a = behaviourKey([msg('a', 'Hi'), msg('b', 'Bye')], [edge('a', 'b')]);
    expect(behaviourKey([msg('a', 'Hi!'), msg('b', 'Bye')], [edge('a', 'b')])).not.toBe(a);
    expect(behaviourKey([msg('a', 'Hi'), msg('b', 'Bye')], [edge('b', 'a')])).not.toBe(a);
    expect(behaviourKey([msg('a', 'Hi')], [])).not.toBe(a);
  });
});
