import { APIs, Flows } from '../lib/backend';
import type { ApiInfo } from './catalog/catalogStore';
import type { FlowDoc, Problem } from './model';
import type { EditorBackend } from './store/types';

/**
 * The editor's adapters over the bound Go services (Flows, APIs):
 * they turn the generated model classes into the editor's plain types, so the
 * rest of src/flow never sees the bindings.
 */

/** One row of the flows list (Go's app.FlowSummary). */
export interface FlowSummary {
  id: number;
  name: string;
  published: boolean;
  valid: boolean;
  problems: number;
  version: number;
  /** The published flow was edited since it went live. */
  unpublishedChanges: boolean;
  updatedAt: string;
}

/** What an import did (Go's bundle.Result). */
export interface ImportResult {
  created: string[];
  replaced: string[];
  published: string;
  drafts: string[];
}

/** The generated model of a stored flow (Go's flow.Flow). */
type FlowModel = Awaited<ReturnType<typeof Flows.Get>>;

/** The generated model of a validation problem (Go's flow.Problem). */
type ProblemModel = Awaited<ReturnType<typeof Flows.Validate>>[number];

/** Reads a stored flow from the generated class into a plain document. */
export function toFlowDoc(f: FlowModel): FlowDoc {
  return {
    id: f.id,
    name: f.name,
    published: f.published,
    version: f.version,
    updatedAt: f.updatedAt,
    nodes: (f.nodes ?? []).map((n) => ({
      id: n.id,
      type: n.type,
      position: { x: n.position?.x ?? 0, y: n.position?.y ?? 0 },
      data: { ...(n.data ?? {}) },
    })),
    edges: (f.edges ?? []).map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target })),
  };
}

/**
 * Hands a document to a bound method. The generated signature names a model
 * class, but the binding only serializes its argument to JSON, and a plain
 * document has the same JSON.
 */
function toModel(doc: FlowDoc): FlowModel {
  return doc as unknown as FlowModel;
}

function toProblems(list: readonly ProblemModel[] | null | undefined): Problem[] {
  return (list ?? []).map((p) => ({
    nodeId: p.nodeId,
    edgeId: p.edgeId,
    field: p.field,
    message: p.message,
    severity: p.severity === 'error' ? 'error' : 'warning',
  }));
}

/** Flows.Save and Flows.Validate for the editor store. */
export const flowsBackend: EditorBackend = {
  save: async (doc) => {
    const res = await Flows.Save(toModel(doc));
    return { flow: toFlowDoc(res.flow), problems: toProblems(res.problems) };
  },
  validate: async (doc) => toProblems(await Flows.Validate(toModel(doc))),
};

/** APIs.List for the api node's inspector. */
export async function loadApis(): Promise<ApiInfo[]> {
  return (await APIs.List('')).map((a) => ({ name: a.name, method: a.method, url: a.url }));
}

/** The Flows service calls of the flows list and the editor page. */
export const flowsApi = {
  list: async (): Promise<FlowSummary[]> => (await Flows.List()).map((s) => ({ ...s })),
  get: async (id: number): Promise<FlowDoc> => toFlowDoc(await Flows.Get(id)),
  create: async (name: string): Promise<FlowDoc> => toFlowDoc(await Flows.Create(name)),
  rename: (id: number, name: string): Promise<void> => Flows.Rename(id, name),
  duplicate: async (id: number): Promise<FlowDoc> => toFlowDoc(await Flows.Duplicate(id)),
  remove: (id: number): Promise<void> => Flows.Delete(id),
  publish: (id: number): Promise<void> => Flows.Publish(id),
  unpublish: (id: number): Promise<void> => Flows.Unpublish(id),
  importBundle: async (json: string, replace: boolean): Promise<ImportResult> => {
    const r = await Flows.ImportBundle(json, replace);
    return { created: r.created ?? [], replaced: r.replaced ?? [], published: r.published ?? '', drafts: r.drafts ?? [] };
  },
  exportBundle: (includeSecrets: boolean): Promise<string> => Flows.ExportBundle(includeSecrets),
};

/** The Go event sent after any flow is created, saved, renamed, published or deleted. */
export const flowsChangedEvent = 'flows:changed';

/** What a node with rows from a list would send, rendered from an API's saved sample (Go's studio.RowsPreview). */
export interface RowsPreview {
  /** The API whose sample filled the list ('' when none did). */
  api: string;
  items: number;
  /** The messages the rows take, each with its options as sent ("More…" last on all but the last). */
  pages: { id: string; title: string; description: string }[][];
  /** Why there is nothing to show, in one sentence ('' when there is something). */
  note: string;
}

/** Flows.PreviewRows: a dynamic buttons or list node's rows from the saved sample response. */
export async function previewRows(node: { id: string; type: string; data: object }): Promise<RowsPreview> {
  type NodeModel = Parameters<typeof Flows.PreviewRows>[0];
  const p = await Flows.PreviewRows({ ...node, position: { x: 0, y: 0 } } as unknown as NodeModel);
  return {
    api: p.api,
    items: p.items,
    pages: (p.pages ?? []).map((page) => (page ?? []).map((o) => ({ id: o.id, title: o.title, description: o.description ?? '' }))),
    note: p.note,
  };
}
