import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import type { FlowDoc, Problem } from '../model';
import { editorStore } from '../store';
import { Inspector } from './Inspector';

const doc: FlowDoc = {
  id: 3,
  name: 'Checks',
  published: false,
  version: 1,
  updatedAt: '2025-01-01T00:00:00Z',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'check', type: 'condition', position: { x: 300, y: 0 }, data: { expression: 'order_total >' } },
    {
      id: 'menu',
      type: 'buttons',
      position: { x: 600, y: 0 },
      data: { text: 'Pick', buttons: [{ id: 'b1', title: 'A' }] },
    },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'out', target: 'check' }],
};

const compileError: Problem = {
  nodeId: 'check',
  field: 'expression',
  message: 'The expression does not work: unexpected end of input',
  severity: 'error',
};

describe('Inspector with the editor store', () => {
  let backend: FakeBackend;
  let problems: Problem[];

  beforeEach(() => {
    problems = [compileError];
    backend = installFakeBackend({
      Flows: {
        Validate: () => Promise.resolve(problems),
        Save: (f: unknown) => Promise.resolve({ flow: { ...(f as FlowDoc), version: 2 }, problems }),
      },
    });
    editorStore.getState().load(doc);
  });

  afterEach(() => {
    editorStore.getState().unload();
    removeFakeBackend();
  });

  it('shows no drawer while no single node is selected', () => {
    const { container } = render(<Inspector />);
    expect(container).toBeEmptyDOMElement();
    act(() => editorStore.getState().select(['check', 'menu']));
    expect(container).toBeEmptyDOMElement();
  });

  it('closes by clearing the selection', () => {
    act(() => editorStore.getState().select(['check']));
    const { container } = render(<Inspector />);
    expect(screen.getByRole('complementary', { name: 'Inspector' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Close inspector (Esc)' }));
    expect(editorStore.getState().nodes.some((n) => n.selected === true)).toBe(false);
    expect(container).toBeEmptyDOMElement();
  });

  it('edits the selected node and shows the live expression check', async () => {
    act(() => editorStore.getState().select(['check']));
    render(<Inspector />);
    expect(screen.getByRole('heading', { name: 'Condition' })).toBeInTheDocument();
    await screen.findByText(compileError.message);

    problems = [];
    fireEvent.change(screen.getByRole('textbox', { name: 'Continue on True when' }), {
      target: { value: 'order_total > 100' },
    });
    expect(editorStore.getState().nodes.find((n) => n.id === 'check')?.data).toEqual({ expression: 'order_total > 100' });
    expect(screen.getByText('Checking…')).toBeInTheDocument();
    await screen.findByText('The expression compiles.', undefined, { timeout: 2000 });
    expect(backend.calls.some((c) => c.name === 'Flows.Validate')).toBe(true);
  });

  it('adds a button through the form, and undo takes it back', async () => {
    act(() => editorStore.getState().select(['menu']));
    render(<Inspector />);
    fireEvent.click(screen.getByRole('button', { name: 'Add button' }));
    expect(screen.getByRole('textbox', { name: 'Button 2 title' })).toHaveValue('Button 2');
    act(() => editorStore.getState().undo());
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Button 2 title' })).toBeNull());
  });

  it('deletes the node from its header', () => {
    act(() => editorStore.getState().select(['check']));
    render(<Inspector />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete node' }));
    expect(editorStore.getState().nodes.map((n) => n.id)).toEqual(['start', 'menu']);
    expect(editorStore.getState().edges).toEqual([]);
  });
});
