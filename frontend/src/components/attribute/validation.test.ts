import { describe, expect, it } from 'vitest';
import { nameProblem, typeTone } from './validation';

describe('nameProblem', () => {
  it.each([
    ['order_id', ''],
    ['_tmp2', ''],
    ['  spaced  ', ''],
    ['', 'A name is required.'],
    ['contact.name', 'contact.name is a built-in attribute.'],
    ['1st', 'A name cannot start with a digit.'],
    ['order id', 'Use only letters, digits and underscores (for example order_id).'],
    ['order-id', 'Use only letters, digits and underscores (for example order_id).'],
    ['a'.repeat(65), 'Keep it under 65 characters.'],
  ])('%j -> %j', (name, want) => {
    expect(nameProblem(name)).toBe(want);
  });

  it('refuses a taken name ignoring case', () => {
    expect(nameProblem('Order_ID', ['order_id'])).toBe('An attribute named Order_ID already exists.');
  });
});

describe('typeTone', () => {
  it('gives each type its own tone', () => {
    expect(new Set(['text', 'number', 'boolean', 'date'].map(typeTone)).size).toBe(4);
    expect(typeTone('other')).toBe('neutral');
  });
});
