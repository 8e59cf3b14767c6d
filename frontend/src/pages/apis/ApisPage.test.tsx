import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAttributeListStore } from '../../components/placeholder';
import { ConfirmHost, Toaster } from '../../components/ui';
import type { app } from '../../lib/backend';
import { installFakeBackend, removeFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { ApisPage } from './ApisPage';
import { useApisStore } from './apisStore';
import type { ApiDraft } from './model';

const initialStore = useApisStore.getState();
const attributes = [
  { name: 'contact.name', type: 'text', description: '', builtIn: true, usedBy: [], valueCount: 0 },
  { name: 'order_id', type: 'text', description: 'Order number', builtIn: false, usedBy: [], valueCount: 0 },
  { name: 'order_status', type: 'text', description: '', builtIn: false, usedBy: [], valueCount: 0 },
];
const orders: ApiDraft = {
  id: 7,
  name: 'Orders',
  method: 'GET',
  url: 'https://shop.test/orders/{{order_id}}',
  query: [],
  headers: [],
  body: '',
  bodyType: 'none',
  auth: { type: 'bearer', token: 'tok' },
  timeoutMs: 10000,
  followRedirects: false,
  mappings: [],
};
const testResult: app.TestResult = {
  status: 200,
  durationMs: 42,
  size: 60,
  headers: [{ key: 'Content-Type', value: 'application/json' }],
  body: '{"order":{"status":"shipped","total":12.5}}',
  bodyIsJSON: true,
  error: '',
  structure: [
    { path: 'order', sample: '{"status":"shipped","total":12.5}', type: 'object' },
    { path: 'order.status', sample: 'shipped', type: 'string' },
    { path: 'order.total', sample: '12.5', type: 'number' },
  ],
  missing: [],
  mapped: {},
  mappingErrors: [],
  request: { method: 'GET', url: 'https://shop.test/orders/A-7', headers: [{ key: 'Authorization', value: 'Bearer ••••' }], body: '' },
  logId: 1,
} as unknown as app.TestResult;

let fake: FakeBackend;
let list: app.APISummary[];
let warnings: { field: string; message: string }[];
/** The next Save rejects with this sentence (once) when it is not ''. */
let saveFailure = '';

function summary(d: ApiDraft): app.APISummary {
  return { id: d.id ?? 0, name: d.name, method: d.method, url: d.url, mappingCount: d.mappings.length, usedBy: [], updatedAt: '2026-01-01T00:00:00Z' };
}

beforeEach(() => {
  useApisStore.setState(initialStore, true);
  useAttributeListStore.setState({ list: null, attributes: [], status: 'idle', error: '' });
  list = [summary(orders)];
  warnings = [];
  saveFailure = '';
  fake = installFakeBackend({
    Attributes: { List: () => Promise.resolve(attributes) },
    APIs: {
      List: () => Promise.resolve(list),
      Get: () => Promise.resolve({ ...orders }),
      Save: (def: unknown) => {
        if (saveFailure !== '') {
          const failure = saveFailure;
          saveFailure = '';
          return Promise.reject(new Error(failure));
        }
        const d = { ...(def as ApiDraft), id: (def as ApiDraft).id ?? 8 };
        list = [...list.filter((a) => a.id !== d.id), summary(d)];
        return Promise.resolve(d);
      },
      Test: () => Promise.resolve(testResult),
      CancelTest: () => Promise.resolve(undefined),
      CallLog: () => Promise.resolve([]),
      Delete: (id: unknown) =>
        id === 7 ? Promise.reject(new Error('"Orders" is called by flow "Support" (API call “Orders”), so it cannot be deleted.')) : Promise.resolve(undefined),
      Duplicate: () => Promise.resolve({ ...orders, id: 9, name: 'Orders copy' }),
      Warnings: () => Promise.resolve(warnings),
    },
  });
});
afterEach(() => removeFakeBackend());

function renderPage() {
  return render(
    <>
      <ApisPage />
      <ConfirmHost />
      <Toaster />
    </>,
  );
}

describe('ApisPage', () => {
  it('starts from an empty state when there are no APIs', async () => {
    list = [];
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'New API' }));
    expect(screen.getByLabelText('API name')).toHaveValue('');
    expect(screen.getByTestId('save-state')).toBeEmptyDOMElement();
  });

  it('keeps the URL query string and the Query rows in step', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(within(await screen.findByRole('navigation', { name: 'Saved APIs' })).getByRole('button', { name: 'New API' }));
    const url = screen.getByRole('combobox', { name: 'URL' });
    await user.type(url, 'https://shop.test/o?a=1&b={{{{x}}');
    // Typed text stays as typed; the rows follow it.
    expect(url).toHaveValue('https://shop.test/o?a=1&b={{x}}');
    expect(screen.getByLabelText('parameter 1 name')).toHaveValue('a');
    expect(screen.getByLabelText('parameter 1 value')).toHaveValue('1');
    expect(screen.getByLabelText('parameter 2 name')).toHaveValue('b');
    expect(screen.getByLabelText('parameter 2 value')).toHaveValue('{{x}}');
    expect(screen.getByRole('tab', { name: /Query/ })).toHaveTextContent('2');

    await user.type(screen.getByLabelText('parameter 3 name'), 'lang');
    await user.type(screen.getByLabelText('parameter 3 value'), 'en gb');
    expect(url).toHaveValue('https://shop.test/o?a=1&b={{x}}&lang=en+gb');
    await user.click(screen.getByRole('checkbox', { name: 'Send parameter a' }));
    expect(url).toHaveValue('https://shop.test/o?b={{x}}&lang=en+gb');
    await user.click(screen.getByRole('button', { name: 'Remove parameter b' }));
    expect(url).toHaveValue('https://shop.test/o?lang=en+gb');

    // Editing the URL keeps the switched-off row out of it and in the tab.
    await user.clear(url);
    await user.type(url, 'https://shop.test/p?id=7');
    expect(screen.getByLabelText('parameter 1 name')).toHaveValue('a');
    expect(screen.getByRole('checkbox', { name: 'Send parameter a' })).not.toBeChecked();
    expect(screen.getByLabelText('parameter 2 name')).toHaveValue('id');
    expect(screen.getByLabelText('parameter 3 name')).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'APIs.Save')).toBe(true));
    const saved = fake.calls.find((c) => c.name === 'APIs.Save')?.args[0] as ApiDraft;
    expect(saved.url).toBe('https://shop.test/p');
    expect(saved.query).toEqual([
      { key: 'a', value: '1', disabled: true },
      { key: 'id', value: '7' },
    ]);
  });

  it('writes a request with the {{ picker, tests it, maps a path and saves with the sample', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(within(await screen.findByRole('navigation', { name: 'Saved APIs' })).getByRole('button', { name: 'New API' }));
    await user.type(screen.getByLabelText('API name'), 'Order status');
    const url = screen.getByRole('combobox', { name: 'URL' });
    await user.type(url, 'https://shop.test/orders/{{{{ord');
    await screen.findByRole('option', { name: /order_id/ });
    await user.keyboard('{Enter}');
    expect(url).toHaveValue('https://shop.test/orders/{{order_id}}');

    const values = screen.getByRole('complementary', { name: 'Test values' });
    await user.type(within(values).getByLabelText('Test value for {{order_id}}'), 'A-7');
    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect(await screen.findByText('200 OK')).toBeInTheDocument();
    const call = fake.calls.find((c) => c.name === 'APIs.Test');
    expect(call?.args[1]).toMatchObject({ url: 'https://shop.test/orders/{{order_id}}', name: 'Order status' });
    expect(call?.args[2]).toEqual({ order_id: 'A-7' });

    await user.click(screen.getByRole('tab', { name: /Structure/ }));
    await user.click(screen.getByRole('button', { name: /^status in order/ }));
    const dialog = screen.getByRole('dialog', { name: 'Map to an attribute' });
    expect(within(dialog).getByTestId('map-path-words')).toHaveTextContent('status in order');
    expect(within(dialog).getByText('order.status')).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Existing attribute' })).toHaveAttribute('aria-checked', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Map' }));
    expect(within(screen.getByRole('list', { name: 'Response structure' })).getByText('order_status')).toBeInTheDocument();
    await user.click(within(screen.getByRole('tablist', { name: 'Response' })).getByRole('tab', { name: 'Body' }));
    expect(screen.getByTestId('tree-mapped')).toHaveTextContent('order_status');
    await user.click(screen.getByRole('button', { name: 'Map total in order' }));
    expect(within(screen.getByRole('dialog', { name: 'Map to an attribute' })).getByTestId('map-path-words')).toHaveTextContent('total in order');
    // Ctrl+S inside the dialog belongs to the dialog: the API is not saved behind it.
    await user.keyboard('{Control>}s{/Control}');
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.calls.some((c) => c.name === 'APIs.Save')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.getByTestId('save-state')).toHaveTextContent('Not saved yet');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'));
    const saved = fake.calls.find((c) => c.name === 'APIs.Save')?.args[0] as ApiDraft;
    expect(saved.mappings).toEqual([{ path: 'order.status', attribute: 'order_status' }]);
    expect(saved.sampleResponse).toBe(testResult.body);
    expect(saved.sampleStructure).toHaveLength(3);
  });

  it('shows the warnings of a saved API under its header, and drops them while it is edited (finding 6)', async () => {
    warnings = [{ field: 'url', message: '{{nope}} is not an attribute, so it would be sent empty; create it on the Attributes page or fix the name.' }];
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: /^GET\s*Orders/ }));
    expect(await screen.findByRole('list', { name: 'Warnings' })).toHaveTextContent('URL: {{nope}} is not an attribute');
    await user.type(screen.getByLabelText('API name'), ' 2');
    expect(screen.queryByRole('list', { name: 'Warnings' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('list', { name: 'Warnings' })).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.name === 'APIs.Warnings')).toHaveLength(2);
  });

  it('drops a save error once the field is edited (finding 5)', async () => {
    saveFailure = 'The URL must start with http:// or https://.';
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: /^GET\s*Orders/ }));
    const url = await screen.findByRole('combobox', { name: 'URL' });
    await user.type(screen.getByLabelText('API name'), ' 2');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The URL must start with http:// or https://.')).toBeInTheDocument();
    await user.type(url, 'x');
    expect(screen.queryByText('The URL must start with http:// or https://.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opens a saved API and asks before discarding unsaved changes', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: /^GET\s*Orders/ }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'URL' })).toHaveValue(orders.url));
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saved');
    await user.type(screen.getByLabelText('API name'), ' v2');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Unsaved changes');
    await user.click(within(screen.getByRole('navigation', { name: 'Saved APIs' })).getByRole('button', { name: 'New API' }));
    const ask = screen.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText('API name')).toHaveValue('Orders v2');
    await user.click(within(screen.getByRole('navigation', { name: 'Saved APIs' })).getByRole('button', { name: 'New API' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Discard unsaved changes?' })).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(screen.getByLabelText('API name')).toHaveValue(''));
  });

  it('explains why a used API cannot be deleted', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Delete Orders' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete Orders?' })).getByRole('button', { name: 'Delete API' }));
    expect(await screen.findByText(/is called by flow "Support"/)).toBeInTheDocument();
  });

  it('duplicates an API and opens the copy', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Duplicate Orders' }));
    await waitFor(() => expect(screen.getByLabelText('API name')).toHaveValue('Orders copy'));
  });

  it('cancels a running test', async () => {
    let finish: (r: app.TestResult) => void = () => undefined;
    fake = installFakeBackend({
      Attributes: { List: () => Promise.resolve(attributes) },
      APIs: {
        List: () => Promise.resolve(list),
        Test: () => new Promise<app.TestResult>((resolve) => (finish = resolve)),
        CancelTest: () => {
          finish({ ...testResult, status: 0, error: 'The call was cancelled.', body: '', bodyIsJSON: false, structure: [] } as unknown as app.TestResult);
          return Promise.resolve(undefined);
        },
        CallLog: () => Promise.resolve([]),
      },
    });
    const user = userEvent.setup();
    renderPage();
    await user.click(within(await screen.findByRole('navigation', { name: 'Saved APIs' })).getByRole('button', { name: 'New API' }));
    await user.type(screen.getByRole('combobox', { name: 'URL' }), 'https://slow.test');
    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect(screen.getByText('Waiting for the API…')).toBeInTheDocument();
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
    });
    expect(await screen.findByText('The call was cancelled.')).toBeInTheDocument();
    expect(screen.getByText('No response')).toBeInTheDocument();
  });
});
