import { describe, expect, it } from 'vitest';
import { nodeTypeNames } from '../model';
import { blockChoices } from './blocks';

const types = (q: string, o: Parameters<typeof blockChoices>[1]) => blockChoices(q, o).map((c) => c.type);

describe('blockChoices', () => {
  it('offers every type in palette order, the start only while the flow has none', () => {
    expect(types('', { hasStart: false })[0]).toBe('start');
    expect(types('', { hasStart: true })).not.toContain('start');
    expect(types('', { hasStart: true })).toEqual(nodeTypeNames.filter((t) => t !== 'start'));
  });

  it('filters by every word in the name, description or group, names that start with the query first', () => {
    expect(types('ques', { hasStart: true })).toEqual(['question']);
    expect(types('logic', { hasStart: true })).toEqual(['condition', 'setAttribute', 'api', 'delay']);
    expect(types('api status', { hasStart: true })).toEqual(['api']);
    expect(types('Message', { hasStart: true })[0]).toBe('message');
    expect(types('zzz', { hasStart: true })).toEqual([]);
  });

  it('offers only blocks with an input after an output, and with an output before an input', () => {
    const afterOutput = types('', { hasStart: false, link: { source: 'a', sourceHandle: 'out' } });
    expect(afterOutput).not.toContain('start');
    expect(afterOutput).toContain('end');
    const beforeInput = types('', { hasStart: false, link: { target: 'a' } });
    expect(beforeInput).toContain('start');
    expect(beforeInput).not.toContain('end');
    expect(beforeInput).not.toContain('handoff');
  });
});
