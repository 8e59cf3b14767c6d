import type { FlowDoc, Problem } from '../model';
import type { EditorBackend, SaveResult } from './types';

/** A flow document for tests: start -> buttons (b1 -> message, b2 unconnected). */
export function sampleDoc(overrides: Partial<FlowDoc> = {}): FlowDoc {
  return {
    id: 7,
    name: 'Support',
    published: false,
    version: 3,
    updatedAt: '2025-01-01T00:00:00Z',
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'menu',
        type: 'buttons',
        position: { x: 300, y: 0 },
        data: { text: 'Hi', buttons: [{ id: 'b1', title: 'Orders' }, { id: 'b2', title: 'Help' }] },
      },
      { id: 'bye', type: 'message', position: { x: 600, y: 0 }, data: { text: 'Bye' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'out', target: 'menu' },
      { id: 'e2', source: 'menu', sourceHandle: 'b1', target: 'bye' },
    ],
    ...overrides,
  };
}

/** A fake Flows backend that records what it was asked and answers from its fields. */
export class FakeBackend implements EditorBackend {
  saved: FlowDoc[] = [];
  validated: FlowDoc[] = [];
  problems: Problem[] = [];
  /** When set, the next saves reject with this message. */
  failWith = '';
  /** When set, saves wait for this promise before answering. */
  gate: Promise<void> | null = null;

  save = async (doc: FlowDoc): Promise<SaveResult> => {
    this.saved.push(doc);
    if (this.gate !== null) {
      await this.gate;
    }
    if (this.failWith !== '') {
      throw new Error(this.failWith);
    }
    return { flow: { ...doc, version: doc.version + 1, updatedAt: '2025-01-02T00:00:00Z' }, problems: this.problems };
  };

  validate = (doc: FlowDoc): Promise<Problem[]> => {
    this.validated.push(doc);
    return Promise.resolve(this.problems);
  };
}
