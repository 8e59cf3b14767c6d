import { describe, expect, it } from 'vitest';
import { childPath, escapeKey, everyItemPath, mappingReads, pathInWords, splitPath, usageInWords } from './pathWords';

describe('pathInWords', () => {
  it.each([
    ['lang', 'lang'],
    ['args.lang', 'lang in args'],
    ['order.customer.name', 'name in customer in order'],
    ['order.items.#.name', 'name of each item in order'],
    ['items.0.price', 'price of item 1 in items'],
    ['items.2', 'item 3 in items'],
    ['items.#', 'number of items'],
    ['order.items.#', 'number of items in order'],
    ['args.lang.#', 'number of lang in args'],
    ['data.0.id', 'id of item 1 in data'],
    ['categories.#.title', 'title of each category in categories'],
    ['orders.#.items.#.sku', 'sku of each item in each order in orders'],
    ['#', 'number of items in the response'],
    ['0.name', 'name of item 1 in the response'],
    ['#.name', 'name of each item in the response'],
    ['address.0', 'item 1 in address'],
    ['a\\.b.c', 'c in a.b'],
    ['@status', 'Status code'],
    ['@body', 'Whole body'],
    ['@headers.X-Total-Count', 'Header X-Total-Count'],
  ])('%s -> %s', (path, want) => {
    expect(pathInWords(path)).toBe(want);
  });

  it('returns queries, modifiers and wildcards as they are', () => {
    for (const path of ['orders.#(status=="open")#', 'items|@reverse', 'a*.b', 'a..b', 'a.#b']) {
      expect(pathInWords(path)).toBe(path);
    }
  });
});

describe('path building', () => {
  it('splits at unescaped dots and unescapes keys', () => {
    expect(splitPath('a\\.b.c\\#')).toEqual(['a.b', 'c#']);
    expect(splitPath('a.#(x=1)')).toBeNull();
  });

  it('escapes keys like gjson.Escape', () => {
    expect(escapeKey('first name')).toBe('first name');
    expect(escapeKey('a.b#c')).toBe('a\\.b\\#c');
    expect(escapeKey('x-total_count:1')).toBe('x-total_count:1');
    expect(childPath('', 'a.b', false)).toBe('a\\.b');
    expect(childPath('items', '3', true)).toBe('items.3');
  });

  it('generalises the first index to every item', () => {
    expect(everyItemPath('order.items.3.name')).toBe('order.items.#.name');
    expect(everyItemPath('order.name')).toBeNull();
  });

  it('knows which tree places a mapping reads', () => {
    expect(mappingReads('items.#.name', 'items.4.name')).toBe(true);
    expect(mappingReads('items.0.name', 'items.0.name')).toBe(true);
    expect(mappingReads('items.0.name', 'items.1.name')).toBe(false);
    expect(mappingReads('items.#', 'items.2')).toBe(false);
    expect(mappingReads('items.#.name', 'items.4.price')).toBe(false);
  });
});

describe('usageInWords', () => {
  it('says the path of a mapping in words and leaves the rest', () => {
    expect(usageInWords('API "Orders" (mapping order.status)')).toBe('API "Orders" (mapping status in order)');
    expect(usageInWords('API "Orders" (mapping items.#.name, URL, mapping order.id)')).toBe(
      'API "Orders" (mapping name of each item in items, URL, mapping id in order)',
    );
    expect(usageInWords('API "Orders" (mapping orders.#(status=="open")#)')).toBe('API "Orders" (mapping orders.#(status=="open")#)');
    expect(usageInWords('flow "Support"')).toBe('flow "Support"');
  });
});
