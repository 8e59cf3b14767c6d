import type { FlowNode, OutputHandle, Problem } from './model';
import { outputsOf } from './nodes/catalogue';

/**
 * Rewrites a problem's message for people: validation names outputs by their
 * handle id ("b1", "r2"), which the canvas shows as the button or row title,
 * so the title is quoted instead. outputs are the node's handles (or the node).
 */
export function describeProblem(p: Problem, of: FlowNode | readonly OutputHandle[] | undefined): string {
  if (of === undefined || (p.field !== 'outputs' && p.field !== 'edges')) {
    return p.message;
  }
  const handles: readonly OutputHandle[] = 'id' in of ? outputsOf(of) : of;
  let text = p.message;
  for (const h of handles) {
    if (h.label !== '' && h.label !== h.id) {
      text = text.split(`"${h.id}"`).join(`"${h.label}"`);
    }
  }
  return text;
}
