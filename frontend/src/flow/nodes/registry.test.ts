import { describe, expect, it } from 'vitest';
import { nodeTypeNames, type DataByType, type FlowNode, type NodeType } from '../model';
import { catalogue, defaultsOf, outputsOf } from './catalogue';
import { registry } from './registry';
import { nextOptionId } from './shared/read';

const opts = [
  { id: 'a', title: 'A', description: '' },
  { id: 'b', title: 'B', description: '' },
];

function nodeOf<T extends NodeType>(type: T, data: Partial<DataByType[T]> = {}): FlowNode {
  return { id: 'n', type, position: { x: 0, y: 0 }, data: { ...defaultsOf(type), ...data } } as unknown as FlowNode;
}

describe('node registry', () => {
  it('has a spec, a canvas component and an inspector for every node type of the design', () => {
    expect(Object.keys(catalogue).sort()).toEqual([...nodeTypeNames].sort());
    expect(Object.keys(registry).sort()).toEqual([...nodeTypeNames].sort());
    for (const t of nodeTypeNames) {
      expect(catalogue[t].type).toBe(t);
      expect(catalogue[t].label).not.toBe('');
      expect(catalogue[t].description).toMatch(/\.$/);
      expect(registry[t].node).toBeTruthy();
      expect(registry[t].inspector).toBeTruthy();
    }
  });

  // The same table as Go's TestOutputs (backend/flow/types_test.go).
  const outputs: { node: FlowNode; want: string[] }[] = [
    { node: nodeOf('start'), want: ['out'] },
    { node: nodeOf('message'), want: ['out'] },
    { node: nodeOf('question'), want: ['out', 'invalid'] },
    { node: nodeOf('buttons', { buttons: opts }), want: ['a', 'b'] },
    { node: nodeOf('list', { rows: opts }), want: ['a', 'b'] },
    { node: nodeOf('condition'), want: ['true', 'false'] },
    { node: nodeOf('setAttribute'), want: ['out'] },
    { node: nodeOf('api', { routes: ['200', '4xx'] }), want: ['200', '4xx', 'others'] },
    { node: nodeOf('api', { routes: [] }), want: ['others'] },
    { node: nodeOf('delay'), want: ['out'] },
    { node: nodeOf('handoff'), want: [] },
    { node: nodeOf('end'), want: [] },
  ];
  for (const tc of outputs) {
    it(`outputs of ${tc.node.type}`, () => {
      expect(outputsOf(tc.node).map((h) => h.id)).toEqual(tc.want);
    });
  }

  it('labels buttons and rows by title, with a stand-in for an empty one', () => {
    const n = nodeOf('buttons', { buttons: [{ id: 'b1', title: '  ', description: '' }] });
    expect(outputsOf(n)).toEqual([{ id: 'b1', label: 'Untitled button' }]);
  });

  it('starts new nodes with the defaults of Go’s catalogue', () => {
    expect(defaultsOf('question')).toMatchObject({ validation: 'text', maxRetries: 2 });
    expect(defaultsOf('buttons').buttons.map((b) => b.id)).toEqual(['b1', 'b2']);
    expect(defaultsOf('list')).toMatchObject({ button: 'Topics' });
    expect(defaultsOf('api').routes).toEqual(['200', '404']);
    expect(defaultsOf('delay').seconds).toBe(2);
    expect(defaultsOf('condition').expression).toBe('api.status == 200');
    // Each call returns a fresh object, so nodes never share their data.
    expect(defaultsOf('buttons')).not.toBe(defaultsOf('buttons'));
  });

  it('normalizes stored data: missing fields, wrong types and "others" in routes', () => {
    expect(catalogue.api.normalize({ api: 'Orders', routes: ['200', 'others', 7] })).toEqual({
      api: 'Orders',
      routes: ['200'],
    });
    expect(catalogue.question.normalize({ validation: 'telepathy', maxRetries: 'x' })).toMatchObject({
      validation: 'text',
      maxRetries: 0,
      text: '',
    });
    expect(catalogue.list.normalize({ rows: [{ id: 'r1', title: 'A' }, null, 'x'] }).rows).toEqual([
      { id: 'r1', title: 'A', description: '' },
    ]);
  });

  it('gives new options ids no other option uses', () => {
    expect(nextOptionId('b', [])).toBe('b1');
    expect(nextOptionId('b', [{ id: 'b2', title: '', description: '' }])).toBe('b3');
    expect(
      nextOptionId('r', [
        { id: 'r3', title: '', description: '' },
        { id: 'r1', title: '', description: '' },
      ]),
    ).toBe('r4');
  });
});
