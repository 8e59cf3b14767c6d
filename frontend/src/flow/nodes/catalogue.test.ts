import { describe, expect, it } from 'vitest';
import type { DataByType, FlowNode, NodeType } from '../model';
import { catalogue, defaultsOf, outputsOf } from './catalogue';
import { nodeDefs, type NodeType as GeneratedType } from './catalogue.gen';
import { outputCases } from './outputCases.gen';
import type { NodeDef } from './shared/def';
import { buildOutputs } from './shared/rules';

function nodeOf<T extends NodeType>(type: T, data: Partial<DataByType[T]> = {}): FlowNode {
  return { id: 'n', type, position: { x: 0, y: 0 }, data: { ...defaultsOf(type), ...data } } as unknown as FlowNode;
}

describe('node catalogue', () => {
  // The cases and their expected handles come from Go (flow.OutputHandles),
  // so the editor draws exactly the outputs the engine and validation use.
  it.each(outputCases)('gives the outputs Go gives: $name', ({ type, data, want }) => {
    const node = { id: 'n', type, position: { x: 0, y: 0 }, data: catalogue[type].normalize(data) } as FlowNode;
    expect(outputsOf(node)).toEqual(want);
  });

  it('labels buttons and rows by title, with a stand-in for an empty one', () => {
    const n = nodeOf('buttons', { buttons: [{ id: 'b1', title: '  ', description: '' }] });
    expect(outputsOf(n)).toEqual([{ id: 'b1', label: 'Untitled button' }]);
  });

  it('switches to a variant’s outputs while its field is set', () => {
    // A list whose rows come from a list attribute has "out" and "empty".
    const rows = [{ id: 'r1', title: 'Orders', description: '' }];
    const data = { ...defaultsOf('list'), rows };
    expect(buildOutputs(nodeDefs.list, data).map((h) => h.id)).toEqual(['r1']);
    expect(buildOutputs(nodeDefs.list, { ...data, rowsFrom: 'slots' })).toEqual([
      { id: 'out', label: 'Chosen' },
      { id: 'empty', label: 'No items' },
    ]);
  });

  it('starts new nodes with the defaults of Go’s definitions', () => {
    expect(defaultsOf('question')).toMatchObject({ validation: 'text', maxRetries: 2 });
    expect(defaultsOf('buttons').buttons.map((b) => b.id)).toEqual(['b1', 'b2']);
    expect(defaultsOf('list')).toMatchObject({ button: 'Topics' });
    expect(defaultsOf('api').routes).toEqual(['200', '404']);
    expect(defaultsOf('delay').seconds).toBe(2);
    expect(defaultsOf('condition').expression).toBe('api.status == 200');
    // Each call returns a fresh object, so nodes never share their data.
    expect(defaultsOf('buttons')).not.toBe(defaultsOf('buttons'));
    expect(defaultsOf('buttons').buttons).not.toBe(defaultsOf('buttons').buttons);
  });

  it('has every declared field in the defaults, and only those', () => {
    for (const t of Object.keys(nodeDefs) as GeneratedType[]) {
      const def = nodeDefs[t] as NodeDef<GeneratedType>;
      expect(Object.keys(def.defaults()).sort()).toEqual(def.fields.map((f) => f.name).sort());
    }
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
    expect(catalogue.question.normalize({ validation: 'regex' }).validation).toBe('regex');
    expect(catalogue.list.normalize({ rows: [{ id: 'r1', title: 'A' }, null, 'x'] }).rows).toEqual([
      { id: 'r1', title: 'A', description: '' },
    ]);
    expect(catalogue.message.normalize({ mediaFile: 'f'.repeat(64) })).toEqual({
      text: '',
      mediaUrl: '',
      mediaType: '',
      mediaFile: 'f'.repeat(64),
      mediaName: '',
    });
  });
});
