import { describe, expect, it } from 'vitest';
import { createCatalogStore } from './catalogStore';

describe('catalog store', () => {
  it('loads the APIs sorted by name and shares one request', async () => {
    let calls = 0;
    const store = createCatalogStore(() => {
      calls++;
      return Promise.resolve([
        { name: 'Orders', method: 'GET', url: 'http://127.0.0.1/orders' },
        { name: 'Catalogue', method: 'GET', url: 'http://127.0.0.1/items' },
      ]);
    });
    await Promise.all([store.getState().load(), store.getState().load()]);
    expect(calls).toBe(1);
    expect(store.getState().apis.map((a) => a.name)).toEqual(['Catalogue', 'Orders']);
    expect(store.getState().loading).toBe(false);
  });

  it('keeps the last list and reports a failure in one sentence', async () => {
    let fail = false;
    const store = createCatalogStore(() =>
      fail ? Promise.reject(new Error('The APIs could not be listed.')) : Promise.resolve([{ name: 'A', method: 'GET', url: '' }]),
    );
    await store.getState().load();
    fail = true;
    await store.getState().load();
    expect(store.getState().apis).toHaveLength(1);
    expect(store.getState().error).toBe('The APIs could not be listed.');
  });
});
