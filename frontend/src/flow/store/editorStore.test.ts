import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ButtonsData, FlowNode } from '../model';
import { createEditorStore } from './editorStore';
import { FakeBackend, sampleDoc } from './testing';

function setup() {
  const backend = new FakeBackend();
  let clock = 1_000_000;
  const store = createEditorStore(backend, { autosaveMs: 1000, validateMs: 300, now: () => clock });
  store.getState().load(sampleDoc());
  return {
    backend,
    store,
    s: () => store.getState(),
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

const ids = (nodes: readonly FlowNode[]) => nodes.map((n) => n.id);

describe('editor store: loading', () => {
  it('fills in data Go omits and reads empty handles as out', () => {
    const { s } = setup();
    const start = s().nodes.find((n) => n.id === 'start');
    expect(start?.data).toEqual({ keywords: [] });
    const menu = s().nodes.find((n) => n.id === 'menu');
    expect((menu?.data as ButtonsData).buttons[0]).toEqual({ id: 'b1', title: 'Orders', description: '' });
    expect(s().saveStatus).toBe('saved');
    expect(s().isDirty()).toBe(false);
  });
});

describe('editor store: undo and redo', () => {
  it('undoes and redoes an added node', () => {
    const { s } = setup();
    const id = s().addNode('message', { x: 10, y: 20 });
    expect(id).not.toBeNull();
    expect(s().nodes).toHaveLength(4);
    s().undo();
    expect(ids(s().nodes)).toEqual(['start', 'menu', 'bye']);
    s().redo();
    expect(ids(s().nodes)).toContain(id);
  });

  it('coalesces typing in one field into one step', () => {
    const { s, tick } = setup();
    for (const text of ['B', 'By', 'Bye!']) {
      s().updateData('bye', { text }, 'text');
      tick(200);
    }
    tick(2000);
    s().updateData('bye', { text: 'Later' }, 'text');
    s().undo();
    expect(s().nodes.find((n) => n.id === 'bye')?.data).toMatchObject({ text: 'Bye!' });
    s().undo();
    expect(s().nodes.find((n) => n.id === 'bye')?.data).toMatchObject({ text: 'Bye' });
  });

  it('clears redo after a new edit and ignores undo with no history', () => {
    const { s } = setup();
    s().undo();
    expect(s().nodes).toHaveLength(3);
    s().deleteNodes(['bye']);
    s().undo();
    s().addNode('end', { x: 0, y: 0 });
    s().redo();
    expect(ids(s().nodes)).toContain('bye');
    expect(s().history.future).toHaveLength(0);
  });

  it('records one step for a whole drag', () => {
    const { s } = setup();
    s().beginDrag();
    for (let x = 0; x < 5; x++) {
      s().onNodesChange([{ type: 'position', id: 'bye', position: { x: 600 + x, y: 0 }, dragging: true }]);
    }
    s().endDrag();
    expect(s().history.past).toHaveLength(1);
    s().undo();
    expect(s().nodes.find((n) => n.id === 'bye')?.position).toEqual({ x: 600, y: 0 });
  });
});

describe('editor store: graph edits', () => {
  it('deleting a node removes its edges, in one undo step', () => {
    const { s } = setup();
    s().select(['menu']);
    expect(s().deleteSelection()).toBe(1);
    expect(s().edges).toEqual([]);
    s().undo();
    expect(s().edges).toHaveLength(2);
  });

  it('removing a button drops the edge of its handle; reordering keeps edges', () => {
    const { s } = setup();
    const menu = () => s().nodes.find((n) => n.id === 'menu')?.data as ButtonsData;
    const [b1, b2] = menu().buttons;
    s().updateData<'buttons'>('menu', { buttons: [b2, b1] });
    expect(s().edges.map((e) => e.sourceHandle)).toEqual(['out', 'b1']);
    s().updateData<'buttons'>('menu', { buttons: [b2] });
    expect(s().edges.map((e) => e.id)).toEqual(['e1']);
  });

  it('a second connection from one output replaces the first', () => {
    const { s } = setup();
    const end = s().addNode('end', { x: 0, y: 0 }) as string;
    s().onConnect({ source: 'menu', sourceHandle: 'b1', target: end, targetHandle: null });
    const fromB1 = s().edges.filter((e) => e.source === 'menu' && e.sourceHandle === 'b1');
    expect(fromB1.map((e) => e.target)).toEqual([end]);
  });

  it('refuses a second start node', () => {
    const { s } = setup();
    expect(s().addNode('start', { x: 0, y: 0 })).toBeNull();
    expect(s().nodes.filter((n) => n.type === 'start')).toHaveLength(1);
  });
});

describe('editor store: copy and paste', () => {
  it('pastes copies with new ids, inner edges re-pointed, offset and selected', () => {
    const { s } = setup();
    s().select(['menu', 'bye']);
    expect(s().copySelection()).toBe(2);
    expect(s().paste()).toBe(2);
    const pasted = s().nodes.slice(3);
    expect(pasted.every((n) => n.selected === true && !['menu', 'bye'].includes(n.id))).toBe(true);
    expect(pasted[0]?.position).toEqual({ x: 340, y: 40 });
    const inner = s().edges.filter((e) => e.source === pasted[0]?.id);
    expect(inner).toHaveLength(1);
    expect(inner[0]).toMatchObject({ sourceHandle: 'b1', target: pasted[1]?.id });
    expect(s().paste()).toBe(2);
    expect(s().nodes.slice(5)[0]?.position).toEqual({ x: 380, y: 80 });
  });

  it('leaves the start node out of a paste and keeps the clipboard across flows', () => {
    const { s } = setup();
    s().select(['start', 'bye']);
    s().copySelection();
    expect(s().paste()).toBe(1);
    s().load(sampleDoc({ id: 8 }));
    expect(s().paste()).toBe(1);
    s().undo();
    expect(s().nodes).toHaveLength(3);
  });

  it('copies nothing when nothing is selected', () => {
    const { s } = setup();
    expect(s().copySelection()).toBe(0);
    expect(s().paste()).toBe(0);
  });
});

describe('editor store: autosave and validation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after edits stop and reports saving then saved', async () => {
    const { s, backend } = setup();
    s().updateData('bye', { text: 'a' }, 'text');
    s().updateData('bye', { text: 'ab' }, 'text');
    expect(s().saveStatus).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(999);
    expect(backend.saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.saved).toHaveLength(1);
    expect(backend.saved[0]?.nodes.find((n) => n.id === 'bye')?.data).toEqual({ text: 'ab' });
    expect(s().saveStatus).toBe('saved');
    expect(s().version).toBe(4);
  });

  it('save() flushes at once and an edit during a save keeps the flow unsaved', async () => {
    const { s, backend } = setup();
    let release = () => undefined as void;
    backend.gate = new Promise<void>((r) => {
      release = r;
    });
    s().updateData('bye', { text: 'one' });
    const pending = s().save();
    await vi.advanceTimersByTimeAsync(0);
    expect(s().saveStatus).toBe('saving');
    s().updateData('bye', { text: 'two' });
    release();
    expect(await pending).toBe(false);
    expect(s().saveStatus).toBe('unsaved');
    backend.gate = null;
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.saved.at(-1)?.nodes.find((n) => n.id === 'bye')?.data).toEqual({ text: 'two' });
    expect(s().saveStatus).toBe('saved');
  });

  it('shows a failed save and retries on save()', async () => {
    const { s, backend } = setup();
    backend.failWith = 'The flow could not be stored.';
    s().updateData('bye', { text: 'x' });
    expect(await s().save()).toBe(false);
    expect(s().saveStatus).toBe('error');
    expect(s().saveError).toBe('The flow could not be stored.');
    backend.failWith = '';
    expect(await s().save()).toBe(true);
    expect(s().saveStatus).toBe('saved');
  });

  it('validates shortly after an edit and groups problems by node', async () => {
    const { s, backend } = setup();
    await vi.advanceTimersByTimeAsync(0);
    backend.problems = [
      { nodeId: 'menu', field: 'outputs', message: 'The output "b2" is not connected.', severity: 'warning' },
      { nodeId: '', field: '', message: 'The flow needs a start node.', severity: 'error' },
    ];
    s().deleteNodes(['start']);
    await vi.advanceTimersByTimeAsync(300);
    expect(backend.validated.at(-1)?.nodes.map((n) => n.id)).toEqual(['menu', 'bye']);
    expect(s().problemsByNode.menu).toHaveLength(1);
    expect(s().problemsByNode['']?.[0]?.severity).toBe('error');
  });

  it('does not save position-only loads and skips saving when nothing changed', async () => {
    const { s, backend } = setup();
    expect(await s().save()).toBe(true);
    expect(backend.saved).toHaveLength(0);
    s().onNodesChange([{ type: 'select', id: 'bye', selected: true }]);
    expect(s().isDirty()).toBe(false);
  });
});
