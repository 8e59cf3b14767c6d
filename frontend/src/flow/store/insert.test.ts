import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editorStore';
import { FakeBackend, sampleDoc } from './testing';

function setup() {
  let clock = 1_000_000;
  const store = createEditorStore(new FakeBackend(), { now: () => clock });
  store.getState().load(sampleDoc());
  return { s: () => store.getState(), tick: (ms: number) => (clock += ms) };
}

const edgeList = (s: ReturnType<ReturnType<typeof setup>['s']>) =>
  s.edges.map((e) => `${e.source}.${e.sourceHandle ?? 'out'}>${e.target}`).sort();

describe('editor store: adding a node joined to the graph', () => {
  it('connects a free output to the new node in one undo step', () => {
    const { s } = setup();
    const id = s().addNode('message', { x: 300, y: 200 }, { source: 'menu', sourceHandle: 'b2' });
    expect(id).not.toBeNull();
    expect(edgeList(s())).toContain(`menu.b2>${id}`);
    expect(s().nodes.find((n) => n.id === id)?.selected).toBe(true);
    s().undo();
    expect(s().nodes.map((n) => n.id)).toEqual(['start', 'menu', 'bye']);
    expect(edgeList(s())).toEqual(['menu.b1>bye', 'start.out>menu']);
  });

  it('replaces the edge of an output that already led somewhere (one edge per output)', () => {
    const { s } = setup();
    const id = s().addNode('end', { x: 0, y: 0 }, { source: 'menu', sourceHandle: 'b1' });
    expect(edgeList(s())).toEqual([`menu.b1>${id}`, 'start.out>menu']);
  });

  it("leads the new node's first output into a node when dropped from an input", () => {
    const { s } = setup();
    const id = s().addNode('question', { x: 0, y: 0 }, { target: 'bye' });
    expect(edgeList(s())).toContain(`${id}.out>bye`);
  });

  it('adds the node unconnected when the link cannot hold', () => {
    const { s } = setup();
    // An end node has no output, so it cannot lead into "bye".
    const end = s().addNode('end', { x: 0, y: 0 }, { target: 'bye' });
    expect(end).not.toBeNull();
    expect(s().edges).toHaveLength(2);
    // A handle the source does not have.
    s().addNode('message', { x: 0, y: 0 }, { source: 'menu', sourceHandle: 'b9' });
    expect(s().edges).toHaveLength(2);
    // A node that is gone.
    s().addNode('message', { x: 0, y: 0 }, { source: 'ghost', sourceHandle: null });
    expect(s().edges).toHaveLength(2);
  });
});

describe('editor store: nudging with the arrow keys', () => {
  it('moves the selected nodes and treats quick repeats as one undo step', () => {
    const { s, tick } = setup();
    s().select(['menu', 'bye']);
    expect(s().nudge(16, 0)).toBe(2);
    tick(100);
    s().nudge(0, -16);
    expect(s().nodes.find((n) => n.id === 'menu')?.position).toEqual({ x: 316, y: -16 });
    expect(s().nodes.find((n) => n.id === 'start')?.position).toEqual({ x: 0, y: 0 });
    expect(s().isDirty()).toBe(true);
    s().undo();
    expect(s().nodes.find((n) => n.id === 'bye')?.position).toEqual({ x: 600, y: 0 });
  });

  it('does nothing with nothing selected', () => {
    const { s } = setup();
    s().select([]);
    expect(s().nudge(16, 0)).toBe(0);
    expect(s().history.past).toHaveLength(0);
  });
});
