import { describe, expect, it } from 'vitest';
import { toCanvas, toDocument } from './convert';

describe('toCanvas and toDocument', () => {
  it('round-trips a document, dropping empty fields and reading empty handles as out', () => {
    const { nodes, edges, skipped } = toCanvas({
      nodes: [
        { id: 's', type: 'start', position: { x: 1.4, y: 2.6 }, data: { keywords: ['hi'] } },
        { id: 'm', type: 'message', position: { x: 300, y: 0 }, data: { text: 'Hello' } },
        { id: 'x', type: 'teleport', position: { x: 0, y: 0 }, data: {} },
      ],
      edges: [
        { id: 'e1', source: 's', sourceHandle: '', target: 'm' },
        { id: 'e2', source: 'm', sourceHandle: 'out', target: 'x' },
      ],
    });
    expect(skipped).toEqual(['x']);
    expect(nodes[1]?.data).toEqual({ text: 'Hello', mediaUrl: '', mediaType: '', mediaFile: '', mediaName: '' });
    expect(edges).toEqual([{ id: 'e1', source: 's', sourceHandle: 'out', target: 'm' }]);
    const doc = toDocument(nodes, edges);
    expect(doc.nodes).toEqual([
      { id: 's', type: 'start', position: { x: 1, y: 3 }, data: { keywords: ['hi'] } },
      { id: 'm', type: 'message', position: { x: 300, y: 0 }, data: { text: 'Hello' } },
    ]);
    expect(doc.edges).toEqual([{ id: 'e1', source: 's', sourceHandle: 'out', target: 'm' }]);
  });

  it('keeps every field the node type defines, such as an attached file', () => {
    const data = { text: 'Menu', mediaType: 'document', mediaFile: 'a'.repeat(64), mediaName: 'menu.pdf' };
    const { nodes } = toCanvas({ nodes: [{ id: 'm', type: 'message', position: { x: 0, y: 0 }, data }], edges: [] });
    expect(toDocument(nodes, []).nodes[0]?.data).toEqual(data);
  });

  it('keeps option lists but drops their empty descriptions', () => {
    const { nodes } = toCanvas({
      nodes: [{ id: 'b', type: 'buttons', position: { x: 0, y: 0 }, data: { text: 'Pick', buttons: [{ id: 'b1', title: 'A' }] } }],
      edges: [],
    });
    expect(toDocument(nodes, []).nodes[0]?.data).toEqual({ text: 'Pick', buttons: [{ id: 'b1', title: 'A' }] });
  });

  it('survives a document with missing lists and positions', () => {
    const broken = { nodes: [{ id: 'e', type: 'end', position: { x: NaN, y: 0 }, data: {} }] } as unknown as Parameters<
      typeof toCanvas
    >[0];
    const { nodes, edges } = toCanvas(broken);
    expect(nodes[0]?.position).toEqual({ x: 0, y: 0 });
    expect(edges).toEqual([]);
  });
});
