import { nodeTypeNames, type NodeType } from '../model';
import { catalogue, defaultsOf } from '../nodes/catalogue';
import { paletteGroups, type PaletteGroup } from '../nodes/catalogue.gen';
import type { NodeLink } from '../store';

/** The palette's groups, in order (from the generated node catalogue). */
export const blockGroups: readonly PaletteGroup[] = paletteGroups;

/** One block the add-block menu offers. */
export interface BlockChoice {
  type: NodeType;
  label: string;
  description: string;
  group: PaletteGroup;
}

/** Whether a new block of type can be joined by link (an input for a source, an output for a target). */
function fits(type: NodeType, link: NodeLink | undefined): boolean {
  if (link === undefined) return true;
  if ('source' in link) return catalogue[type].hasInput;
  return catalogue[type].outputs(defaultsOf(type) as never).length > 0;
}

/**
 * The blocks to offer for a search: every type that can be added (one start
 * per flow) and joined by link, filtered by the words of query (each must
 * appear in the name, description or group). Names that start with the query
 * come first; otherwise the palette's order is kept.
 */
export function blockChoices(query: string, options: { hasStart: boolean; link?: NodeLink }): BlockChoice[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const all = nodeTypeNames
    .filter((t) => !(catalogue[t].single === true && options.hasStart) && fits(t, options.link))
    .map((t) => ({ type: t, label: catalogue[t].label, description: catalogue[t].description, group: catalogue[t].group }));
  if (words.length === 0) return all;
  const text = (c: BlockChoice) => `${c.label} ${c.description} ${c.group}`.toLowerCase();
  const found = all.filter((c) => words.every((w) => text(c).includes(w)));
  const q = words.join(' ');
  return [
    ...found.filter((c) => c.label.toLowerCase().startsWith(q)),
    ...found.filter((c) => !c.label.toLowerCase().startsWith(q)),
  ];
}
