import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hrefFor, navigate, parseHash, useRoute } from './router';

describe('parseHash', () => {
  const cases: { hash: string; page: string; params: string[]; query?: Record<string, string> }[] = [
    { hash: '', page: '', params: [] },
    { hash: '#', page: '', params: [] },
    { hash: '#/', page: '', params: [] },
    { hash: '#/flows', page: 'flows', params: [] },
    { hash: '#flows', page: 'flows', params: [] },
    { hash: '#/flows/42', page: 'flows', params: ['42'] },
    { hash: '#/flows//42/', page: 'flows', params: ['42'] },
    { hash: '#/apis/Order%20status', page: 'apis', params: ['Order status'] },
    { hash: '#/apis/%E0%A4%A', page: 'apis', params: ['%E0%A4%A'] },
    { hash: '#/flows/7?tab=json&x=1', page: 'flows', params: ['7'], query: { tab: 'json', x: '1' } },
  ];
  it.each(cases)('$hash', ({ hash, page, params, query }) => {
    const r = parseHash(hash);
    expect(r.page).toBe(page);
    expect(r.params).toEqual(params);
    expect(Object.fromEntries(r.query)).toEqual(query ?? {});
  });
});

describe('hrefFor', () => {
  it('encodes segments', () => {
    expect(hrefFor('apis', 'Order status/2')).toBe('#/apis/Order%20status%2F2');
    expect(parseHash(hrefFor('apis', 'Order status/2')).params).toEqual(['Order status/2']);
  });
});

describe('useRoute and navigate', () => {
  it('follows the hash', async () => {
    window.location.hash = '#/flows';
    const { result } = renderHook(() => useRoute());
    expect(result.current.page).toBe('flows');
    act(() => navigate('apis', ['a b']));
    expect(window.location.hash).toBe('#/apis/a%20b');
    // Browsers (and jsdom) fire hashchange after the current task.
    await waitFor(() => expect(result.current.page).toBe('apis'));
    expect(result.current.params).toEqual(['a b']);
  });

  it('replaces without a new history entry', () => {
    window.location.hash = '#/flows';
    const { result } = renderHook(() => useRoute());
    const before = window.history.length;
    act(() => navigate('settings', [], { replace: true }));
    expect(result.current.page).toBe('settings');
    expect(window.history.length).toBe(before);
  });

  it('keeps the same object while the hash is unchanged', () => {
    window.location.hash = '#/flows';
    const { result, rerender } = renderHook(() => useRoute());
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });
});
