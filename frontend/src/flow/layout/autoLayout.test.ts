import { describe, expect, it } from 'vitest';
import { autoLayout, layoutGap, rankNodes, type LayoutEdge, type LayoutNode } from './autoLayout';

const node = (id: string, extra: Partial<LayoutNode> = {}): LayoutNode => ({ id, width: 200, height: 100, ...extra });

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }, w = 200, h = 100): boolean {
  return a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h;
}

describe('rankNodes', () => {
  const cases: { name: string; nodes: LayoutNode[]; edges: LayoutEdge[]; want: Record<string, number> }[] = [
    {
      name: 'a chain from start',
      nodes: [node('c'), node('b'), node('s', { isStart: true })],
      edges: [
        { source: 's', target: 'b' },
        { source: 'b', target: 'c' },
      ],
      want: { s: 0, b: 1, c: 2 },
    },
    {
      name: 'a cycle back to an earlier node keeps BFS ranks',
      nodes: [node('s', { isStart: true }), node('q'), node('m')],
      edges: [
        { source: 's', target: 'q' },
        { source: 'q', target: 'm' },
        { source: 'm', target: 'q' },
      ],
      want: { s: 0, q: 1, m: 2 },
    },
    {
      name: 'an island is ranked from its own root',
      nodes: [node('s', { isStart: true }), node('x'), node('y')],
      edges: [{ source: 'x', target: 'y' }],
      want: { s: 0, x: 0, y: 1 },
    },
    {
      name: 'a pure cycle with no root still gets ranks',
      nodes: [node('a'), node('b')],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
      want: { a: 0, b: 1 },
    },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      expect(Object.fromEntries(rankNodes(tc.nodes, tc.edges))).toEqual(tc.want);
    });
  }
});

describe('autoLayout', () => {
  it('puts ranks in columns left to right', () => {
    const pos = autoLayout(
      [node('s', { isStart: true }), node('a'), node('b', { width: 300 }), node('c')],
      [
        { source: 's', target: 'a' },
        { source: 's', target: 'b' },
        { source: 'a', target: 'c' },
      ],
    );
    expect(pos.get('s')?.x).toBe(0);
    expect(pos.get('a')?.x).toBe(200 + layoutGap.x);
    expect(pos.get('b')?.x).toBe(200 + layoutGap.x);
    expect(pos.get('c')?.x).toBe(200 + layoutGap.x + 300 + layoutGap.x);
  });

  it('orders children by their handles and never overlaps', () => {
    const nodes = [
      node('menu', { isStart: true, handles: ['b1', 'b2', 'b3'] }),
      node('third'),
      node('first'),
      node('second'),
    ];
    const edges = [
      { source: 'menu', sourceHandle: 'b3', target: 'third' },
      { source: 'menu', sourceHandle: 'b1', target: 'first' },
      { source: 'menu', sourceHandle: 'b2', target: 'second' },
    ];
    const pos = autoLayout(nodes, edges);
    const y = (id: string) => pos.get(id)?.y ?? NaN;
    expect(y('first')).toBeLessThan(y('second'));
    expect(y('second')).toBeLessThan(y('third'));
    const all = [...pos.values()];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        expect(overlaps(all[i], all[j])).toBe(false);
      }
    }
    // The column of children is centred on the menu's handles.
    const mid = (y('first') + y('third') + 100) / 2;
    expect(Math.abs(mid - (y('menu') + 50))).toBeLessThan(30);
  });

  it('places every node, even with dangling edges', () => {
    const pos = autoLayout([node('a'), node('b')], [{ source: 'a', target: 'gone' }]);
    expect(pos.size).toBe(2);
    expect(autoLayout([], []).size).toBe(0);
  });
});
