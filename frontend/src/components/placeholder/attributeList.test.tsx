import { act, render, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBackend, removeFakeBackend, sampleAttributes, type FakeBackend } from '../../test/fakeBackend';
import { attributesChangedEvent, useAttributeList, useAttributeListStore, useAttributesSync } from './attributeList';

let attrs: typeof sampleAttributes;
let fake: FakeBackend;

beforeEach(() => {
  useAttributeListStore.setState({ list: null, attributes: [], status: 'idle', error: '' });
  attrs = [...sampleAttributes];
  fake = installFakeBackend({
    Attributes: {
      List: () => Promise.resolve(attrs.map((a) => ({ ...a }))),
    },
  });
});
afterEach(() => removeFakeBackend());

const custom = (name: string) => ({ name, type: 'text', description: '', builtIn: false, usedBy: [], valueCount: 0 });
const listCalls = () => fake.calls.filter((c) => c.name === 'Attributes.List').length;

function Shell() {
  useAttributesSync();
  return null;
}

describe('the shared attribute list', () => {
  it('refreshes on attributes:changed while no picker is mounted, so pickers opened later are current', async () => {
    // A picker loaded the list, then the user went to the Attributes page (no picker on screen).
    const picker = renderHook(() => useAttributeList());
    await waitFor(() => expect(picker.result.current).toHaveLength(sampleAttributes.length));
    picker.unmount();
    render(<Shell />);

    attrs.push(custom('cake_order'));
    act(() => fake.emit(attributesChangedEvent, null));
    await waitFor(() => expect(useAttributeListStore.getState().attributes.map((a) => a.name)).toContain('cake_order'));

    const again = renderHook(() => useAttributeList());
    expect(again.result.current.map((a) => a.name)).toContain('cake_order');
  });

  it('subscribes once however many readers are mounted', async () => {
    const a = renderHook(() => useAttributeList());
    const b = renderHook(() => useAttributeList());
    render(<Shell />);
    await waitFor(() => expect(a.result.current).toHaveLength(sampleAttributes.length));
    expect(fake.listenerCount(attributesChangedEvent)).toBe(1);
    const before = listCalls();
    act(() => fake.emit(attributesChangedEvent, null));
    await waitFor(() => expect(listCalls()).toBe(before + 1));
    a.unmount();
    b.unmount();
  });

  it('does not load on an event before anything needed the list', async () => {
    render(<Shell />);
    act(() => fake.emit(attributesChangedEvent, null));
    await Promise.resolve();
    expect(listCalls()).toBe(0);
  });

  it('loads again after a running load when asked meanwhile, so a change made during it is not lost', async () => {
    const first = useAttributeListStore.getState().load();
    attrs.push(custom('late'));
    const second = useAttributeListStore.getState().load();
    await Promise.all([first, second]);
    expect(listCalls()).toBe(2);
    expect(useAttributeListStore.getState().attributes.map((a) => a.name)).toContain('late');
  });
});
