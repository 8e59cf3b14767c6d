/**
 * Id generation for nodes and edges. Ids are short and readable (they appear
 * in the simulator and in exported bundles) and checked against the ids in use.
 */

function randomSuffix(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** Returns a node id such as "buttons_k3x9" that is not in used. */
export function newNodeId(type: string, used: ReadonlySet<string>): string {
  for (;;) {
    const id = `${type}_${randomSuffix()}`;
    if (!used.has(id)) {
      return id;
    }
  }
}

/** Returns the id of the edge leaving source's handle for target. */
export function edgeId(source: string, handle: string, target: string): string {
  return `e_${source}_${handle}_${target}`;
}
