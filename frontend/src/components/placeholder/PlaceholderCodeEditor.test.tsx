import { EditorView } from '@codemirror/view';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { PlaceholderCodeEditor } from './PlaceholderCodeEditor';
import type { AttributeOption } from './placeholders';

const attributes: AttributeOption[] = [
  { name: 'order_id', type: 'text', description: 'Order number', builtIn: false },
  { name: 'order_total', type: 'number', description: '', builtIn: false },
];

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <PlaceholderCodeEditor label="Body" mode="text" value={value} onChange={setValue} attributes={attributes} />
      <output data-testid="value">{value}</output>
    </>
  );
}

function editorView(): EditorView {
  const dom = screen.getByTestId('code-editor').querySelector<HTMLElement>('.cm-editor');
  const view = dom === null ? null : EditorView.findFromDOM(dom);
  if (view === null) throw new Error('no CodeMirror view');
  return view;
}

/** Types text at the end of the document one character at a time, as the keyboard does. */
function typeText(text: string) {
  const view = editorView();
  for (const ch of text) {
    const at = view.state.doc.length;
    act(() => view.dispatch({ changes: { from: at, insert: ch }, selection: { anchor: at + 1 }, userEvent: 'input.type' }));
  }
}

function press(key: string) {
  act(() => {
    fireEvent.keyDown(editorView().contentDOM, { key });
  });
}

let backend: FakeBackend;
beforeAll(() => {
  // jsdom measures no text; CodeMirror asks a Range for the caret's box when the picker opens.
  const rects = Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects = () => rects;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});
beforeEach(() => {
  backend = installFakeBackend({
    Attributes: {
      List: () => Promise.resolve(attributes),
      Create: (def) => Promise.resolve({ ...(def as object), usedBy: [], valueCount: 0 }),
    },
  });
});
afterEach(() => removeFakeBackend());

describe('PlaceholderCodeEditor', () => {
  it('does not open on the slashes of a URL, opens after a quote and inserts with Enter', () => {
    render(<Harness />);
    typeText('{"link": "https://shop.test/a/b');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    typeText('", "id": "/ord');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'order_idTextOrder number',
      'order_totalNumber',
      'Create attribute “ord”',
    ]);
    press('Enter');
    expect(screen.getByTestId('value')).toHaveTextContent('{"link": "https://shop.test/a/b", "id": "{{order_id}}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('creates an attribute nothing matches and inserts it; Escape keeps the text', async () => {
    const user = userEvent.setup();
    render(<Harness initial="Hi" />);
    typeText(' /cake');
    press('Escape');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent(/^Hi \/cake$/);
    typeText(' /cake_or');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Create attribute “cake_or”']);
    press('Enter');
    const dialog = await screen.findByRole('dialog', { name: 'New attribute' });
    expect(within(dialog).getByLabelText('Name')).toHaveValue('cake_or');
    await user.click(within(dialog).getByRole('button', { name: 'Create attribute' }));
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent(/^Hi \/cake \{\{cake_or\}\}$/));
    expect(backend.calls.find((c) => c.name === 'Attributes.Create')?.args[0]).toMatchObject({ name: 'cake_or', type: 'text' });
  });
});
