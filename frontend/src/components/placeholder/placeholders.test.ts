import { describe, expect, it } from 'vitest';
import {
  filterAttributes,
  insertPlaceholder,
  isKnownName,
  placeholderNames,
  canOpenPicker,
  slashQuery,
  typedTrigger,
  splitPlaceholders,
  withFormats,
  type AttributeOption,
} from './placeholders';

describe('splitPlaceholders', () => {
  it.each([
    ['', []],
    ['plain', [{ text: 'plain' }]],
    ['{{a}}', [{ text: '{{a}}', name: 'a' }]],
    [
      'Hi {{contact.name}}, order {{ order_id }}!',
      [
        { text: 'Hi ' },
        { text: '{{contact.name}}', name: 'contact.name' },
        { text: ', order ' },
        { text: '{{ order_id }}', name: 'order_id' },
        { text: '!' },
      ],
    ],
    ['{{1bad}} {{}} {x}', [{ text: '{{1bad}} {{}} {x}' }]],
  ])('splits %j', (text, want) => {
    expect(splitPlaceholders(text)).toEqual(want);
    expect(
      splitPlaceholders(text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});

describe('placeholderNames', () => {
  it('lists distinct names in order across texts', () => {
    expect(placeholderNames('{{b}}/{{a}}', '{{a}} {{c.d}}')).toEqual(['b', 'a', 'c.d']);
  });
});

describe('slashQuery', () => {
  it.each([
    ['/', 0, 1, ''],
    ['x/ord', 1, 5, 'ord'],
    ['x/contact.na', 1, 12, 'contact.na'],
    ['x/or der', 1, 8, undefined],
    ['x/ord', 1, 1, undefined],
    ['xord', 1, 4, undefined],
    ['x/a-b', 1, 5, undefined],
  ])('%j slash at %i caret %i', (text, slashAt, caret, want) => {
    expect(slashQuery(text, slashAt, caret)).toBe(want);
  });

  it('reads the query after "{{" too', () => {
    expect(slashQuery('/o/{{ord', 3, 8, '{{')).toBe('ord');
    expect(slashQuery('/o/{ord', 3, 7, '{{')).toBeUndefined();
  });
});

describe('canOpenPicker', () => {
  it.each([
    ['/', 0, true],
    ['Hi /', 3, true],
    ['Hi\n/', 3, true],
    ['"note": "/', 9, true],
    ['[/', 1, true],
    ['a|/', 2, true],
    ['http://a/b', 5, false],
    ['http://a/b', 6, false],
    ['http://a/b', 8, false],
    ['orders1/', 7, false],
    ['{{base_url}}/orders', 12, false],
    ['?a=/', 3, false],
    ['x./', 2, false],
  ])('%j at %i: %s', (text, slashAt, want) => {
    expect(canOpenPicker(text, slashAt)).toBe(want);
  });
});

describe('typedTrigger', () => {
  it.each([
    ['Hi /', '/'],
    ['https://', null],
    ['https://shop.test/orders/', null],
    ['https://shop.test/orders/{{', '{{'],
    ['{{{', null],
    ['{', null],
    ['Hi', null],
  ])('%j gives %j', (text, want) => {
    expect(typedTrigger(text, text.length)).toBe(want);
  });
});

describe('insertPlaceholder', () => {
  it('replaces the typed query and puts the caret after the placeholder', () => {
    expect(insertPlaceholder('https://x/orders//ord?y', 17, 21, 'order_id')).toEqual({
      text: 'https://x/orders/{{order_id}}?y',
      caret: 29,
    });
  });
});

describe('filterAttributes', () => {
  const attrs: AttributeOption[] = ['contact.name', 'order_id', 'customer_order', 'api.status'].map((name) => ({
    name,
    type: 'text',
    description: '',
    builtIn: name.includes('.'),
  }));
  it('puts prefix matches first and ignores case', () => {
    expect(filterAttributes(attrs, 'ORD').map((a) => a.name)).toEqual(['order_id', 'customer_order']);
    expect(filterAttributes(attrs, '').length).toBe(4);
    expect(filterAttributes(attrs, 'zzz')).toEqual([]);
  });
});

describe('isKnownName', () => {
  const known = new Set(['orders', 'contact.name', 'item']);
  it.each([
    ['orders', true],
    ['orders.0.id', true],
    ['contact.name', true],
    ['item.time', true],
    ['contact', false],
    ['order', false],
    ['ordersx.id', false],
  ])('%s -> %s', (name, want) => expect(isKnownName(name, known)).toBe(want));

  it('reads a formatted placeholder by its name', () => {
    expect(placeholderNames('{{price | number:2}} on {{ eta|date:D MMM }}')).toEqual(['price', 'eta']);
  });
});

describe('withFormats', () => {
  const attrs: AttributeOption[] = [
    { name: 'eta', type: 'date', description: '', builtIn: false },
    { name: 'price', type: 'number', description: '', builtIn: false },
    { name: 'in_stock', type: 'boolean', description: '', builtIn: false },
    { name: 'orders', type: 'list', description: '', builtIn: false },
    { name: 'note', type: 'text', description: '', builtIn: false },
  ];

  it('follows each attribute with the formats of its type, loops only where asked', () => {
    expect(withFormats(attrs, true).map((a) => a.insert ?? a.name)).toEqual([
      'eta',
      '{{eta | date}}',
      'price',
      '{{price | number:2}}',
      'in_stock',
      '{{in_stock | yesno}}',
      'orders',
      '{{#each orders}}\n• {{item}}\n{{/each}}',
      '{{orders.#}}',
      'note',
    ]);
    expect(withFormats(attrs, false).some((a) => a.insert?.startsWith('{{#each') === true)).toBe(false);
  });

  it('inserts a variant as written and a name as a placeholder', () => {
    expect(insertPlaceholder('On /et', 3, 6, '{{eta | date}}')).toEqual({ text: 'On {{eta | date}}', caret: 17 });
    expect(insertPlaceholder('On /et', 3, 6, 'eta')).toEqual({ text: 'On {{eta}}', caret: 10 });
  });
});
