import { describe, expect, it } from 'vitest';
import type { FlowNode, Problem } from './model';
import { describeProblem } from './problems';

const menu = {
  id: 'menu',
  type: 'buttons',
  position: { x: 0, y: 0 },
  data: { text: 'Hi', attribute: '', buttons: [{ id: 'b1', title: 'Orders', description: '' }] },
} as FlowNode;

const problem = (field: string, message: string): Problem => ({ nodeId: 'menu', field, message, severity: 'warning' });

describe('describeProblem', () => {
  it('names outputs by their titles', () => {
    expect(describeProblem(problem('outputs', 'The output "b1" is not connected.'), menu)).toBe(
      'The output "Orders" is not connected.',
    );
  });
  it('leaves other messages and unknown nodes alone', () => {
    expect(describeProblem(problem('text', 'The text "b1" is empty.'), menu)).toBe('The text "b1" is empty.');
    expect(describeProblem(problem('outputs', 'The output "b1" is not connected.'), undefined)).toBe(
      'The output "b1" is not connected.',
    );
  });
});
