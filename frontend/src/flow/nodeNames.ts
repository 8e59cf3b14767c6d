import { nodeTypeNames, type FlowNode } from './model';
import { catalogue } from './nodes/catalogue';

const excerptLength = 36;

/** Shortens text to one line of at most excerptLength characters. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= excerptLength ? line : `${line.slice(0, excerptLength - 1).trimEnd()}…`;
}

/** The words that tell one node of a type from another: its text, expression, API or keywords. */
function gist(node: FlowNode): string {
  switch (node.type) {
    case 'message':
    case 'question':
    case 'buttons':
    case 'list':
    case 'handoff':
    case 'end':
      return node.data.text;
    case 'condition':
      return node.data.expression;
    case 'setAttribute':
      return node.data.attribute;
    case 'api':
      return node.data.api;
    case 'template':
      return node.data.template;
    case 'delay':
      return node.data.seconds > 0 ? `${node.data.seconds} s` : '';
    case 'start':
      return node.data.keywords.join(', ');
  }
}

/**
 * A node's name for people: its type and the start of what it says, such as
 * Buttons “Hi {{contact.name}}! How can we help…”. Node ids ("buttons_ueym")
 * mean nothing to a shop owner (issue 14, finding 5).
 */
export function nodeName(node: FlowNode): string {
  const label = catalogue[node.type].label;
  const words = excerpt(gist(node));
  return words === '' ? `${label} (${node.id})` : `${label} “${words}”`;
}

const typeWords = nodeTypeNames.join('|');
const nodeRef = new RegExp(`\\b(?:(?:${typeWords}) )?node "?([A-Za-z0-9_.-]+)"?`, 'g');

/**
 * Rewrites the node ids in a message from Go ("node buttons_ueym: ...",
 * "question node ask") as node names, for the nodes of the open flow; ids it
 * does not know are left as they are.
 */
export function readableNodeRefs(message: string, nodes: readonly FlowNode[]): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return message.replace(nodeRef, (whole, id: string) => {
    const node = byId.get(id.replace(/[.]+$/, ''));
    if (node === undefined) return whole;
    return nodeName(node) + id.slice(node.id.length);
  });
}
