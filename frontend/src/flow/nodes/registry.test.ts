import { describe, expect, it } from 'vitest';
import { nodeTypeNames } from '../model';
import { catalogue } from './catalogue';
import { registry } from './registry';
import { nextOptionId } from './shared/read';

describe('node registry', () => {
  it('has a spec, a canvas component and an inspector for every node type of the design', () => {
    expect(Object.keys(catalogue).sort()).toEqual([...nodeTypeNames].sort());
    expect(Object.keys(registry).sort()).toEqual([...nodeTypeNames].sort());
    for (const t of nodeTypeNames) {
      expect(catalogue[t].type).toBe(t);
      expect(catalogue[t].label).not.toBe('');
      expect(catalogue[t].description).toMatch(/\.$/);
      expect(catalogue[t].icon).toBeTruthy();
      expect(registry[t].node).toBeTruthy();
      expect(registry[t].inspector).toBeTruthy();
    }
  });

  it('gives new options ids no other option uses', () => {
    expect(nextOptionId('b', [])).toBe('b1');
    expect(nextOptionId('b', [{ id: 'b2', title: '', description: '' }])).toBe('b3');
    expect(
      nextOptionId('r', [
        { id: 'r3', title: '', description: '' },
        { id: 'r1', title: '', description: '' },
      ]),
    ).toBe('r4');
  });
});
