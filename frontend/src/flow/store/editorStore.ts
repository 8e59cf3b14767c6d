import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { toCanvas } from '../convert';
import type { FlowNode } from '../model';
import { catalogue } from '../nodes/catalogue';
import * as clip from './clipboard';
import { connect, linkEdge, pruneEdges, removeNodes } from './graph';
import { emptyHistory, record, redo, undo, type Snapshot } from './history';
import { newNodeId } from './ids';
import { persistence } from './persistence';
import type { EditorBackend, EditorData, EditorOptions, EditorState } from './types';

export { groupProblems } from './persistence';

/** The state of an editor with no flow open. */
function initialData(): EditorData {
  return {
    flowId: null,
    name: '',
    published: false,
    version: 0,
    updatedAt: '',
    nodes: [],
    edges: [],
    problems: [],
    problemsByNode: {},
    checkedRevision: -1,
    history: emptyHistory(),
    revision: 0,
    savedRevision: 0,
    saveStatus: 'saved',
    saveError: '',
    clipboard: null,
    pasteCount: 0,
  };
}

function isSingle(type: string): boolean {
  return type in catalogue && catalogue[type as keyof typeof catalogue].single === true;
}

/**
 * Creates an editor store: the open flow's nodes and edges for React Flow,
 * undo/redo, copy/paste, live validation and autosave. The app uses one
 * (./index.ts); tests create their own with a fake backend.
 */
export function createEditorStore(backend: EditorBackend, options: EditorOptions = {}): StoreApi<EditorState> {
  const now = options.now ?? Date.now;
  let dragging = false;

  return createStore<EditorState>()((set, get) => {
    const snapshot = (): Snapshot => ({ nodes: get().nodes, edges: get().edges });

    /** Records an undo step before an edit. */
    const remember = (key = '') => set({ history: record(get().history, snapshot(), key, now()) });

    const { document, setProblems, saver, validator } = persistence(get, set, backend, options);

    /** Marks the document changed and schedules a save (and validation unless only positions moved). */
    const touch = (validate = true) => {
      const s = get();
      set({ revision: s.revision + 1, saveStatus: s.saveStatus === 'saving' ? 'saving' : 'unsaved' });
      saver.schedule();
      if (validate) {
        validator.schedule();
      }
    };

    /** Replaces the graph after an edit that was already recorded. */
    const commit = (nodes: FlowNode[], edges = get().edges, validate = true) => {
      set({ nodes, edges });
      touch(validate);
    };

    const selectedIds = () => new Set(get().nodes.filter((n) => n.selected === true).map((n) => n.id));

    const pasteClip = (c: clip.Clip, offset: number): number => {
      const { nodes, edges } = get();
      const added = clip.paste(c, nodes, offset, isSingle);
      if (added.nodes.length === 0) {
        return 0;
      }
      remember();
      const deselected = nodes.map((n) => (n.selected === true ? { ...n, selected: false } : n));
      commit([...deselected, ...added.nodes], [...edges.map((e) => ({ ...e, selected: false })), ...added.edges]);
      return added.nodes.length;
    };

    return {
      ...initialData(),

      load: (doc) => {
        saver.cancel();
        validator.cancel();
        const { nodes, edges } = toCanvas(doc);
        set({
          ...initialData(),
          clipboard: get().clipboard,
          flowId: doc.id,
          name: doc.name,
          published: doc.published,
          version: doc.version,
          updatedAt: doc.updatedAt,
          nodes,
          edges,
        });
        void validator.flush();
      },

      unload: () => {
        saver.cancel();
        validator.cancel();
        set({ ...initialData(), clipboard: get().clipboard });
      },

      setMeta: (meta) => set(meta),

      onNodesChange: (changes) => {
        if (get().flowId === null) {
          return;
        }
        const removing = changes.some((c) => c.type === 'remove');
        const moving = changes.some((c) => c.type === 'position' && c.position !== undefined);
        const adding = changes.some((c) => c.type === 'add' || c.type === 'replace');
        if (removing || adding || (moving && !dragging)) {
          remember(removing || adding ? '' : 'nudge');
        }
        let nodes = applyNodeChanges(changes, get().nodes);
        let edges = get().edges;
        if (removing) {
          const gone = new Set(changes.flatMap((c) => (c.type === 'remove' ? [c.id] : [])));
          ({ nodes, edges } = removeNodes(nodes, edges, gone));
        }
        set({ nodes, edges });
        if (removing || adding || moving) {
          touch(removing || adding);
        }
      },

      onEdgesChange: (changes) => {
        if (get().flowId === null) {
          return;
        }
        const structural = changes.some((c) => c.type !== 'select');
        if (structural) {
          remember();
        }
        set({ edges: applyEdgeChanges(changes, get().edges) });
        if (structural) {
          touch();
        }
      },

      onConnect: (connection) => {
        remember();
        commit(get().nodes, connect(get().edges, connection));
      },

      beginDrag: () => {
        dragging = true;
        remember();
      },

      endDrag: () => {
        dragging = false;
      },

      addNode: (type, position, link) => {
        const { nodes, edges } = get();
        if (isSingle(type) && nodes.some((n) => n.type === type)) {
          return null;
        }
        remember();
        const id = newNodeId(type, new Set(nodes.map((n) => n.id)));
        const node = { id, type, position, data: catalogue[type].defaults(), selected: true } as FlowNode;
        const joined = link === undefined ? null : linkEdge(node, link, nodes);
        commit(
          [...nodes.map((n) => (n.selected === true ? { ...n, selected: false } : n)), node],
          joined === null ? edges : connect(edges, joined),
        );
        return id;
      },

      nudge: (dx, dy) => {
        const ids = selectedIds();
        if (ids.size === 0) {
          return 0;
        }
        remember('nudge');
        const nodes = get().nodes.map((n) =>
          ids.has(n.id) ? { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } } : n,
        );
        commit(nodes, get().edges, false);
        return ids.size;
      },

      updateData: (id, patch, key = '') => {
        const { nodes, edges } = get();
        const at = nodes.findIndex((n) => n.id === id);
        const current = nodes[at];
        if (current === undefined) {
          return;
        }
        remember(key === '' ? '' : `data:${id}:${key}`);
        const node = { ...current, data: { ...current.data, ...patch } } as FlowNode;
        const next = nodes.slice();
        next[at] = node;
        commit(next, pruneEdges(node, edges));
      },

      select: (ids) => {
        const want = new Set(ids);
        set({
          nodes: get().nodes.map((n) => (want.has(n.id) === (n.selected === true) ? n : { ...n, selected: want.has(n.id) })),
          edges: get().edges.map((e) => (e.selected === true ? { ...e, selected: false } : e)),
        });
      },

      deleteSelection: () => {
        const ids = selectedIds();
        const edgeIds = new Set(get().edges.filter((e) => e.selected === true).map((e) => e.id));
        if (ids.size === 0 && edgeIds.size === 0) {
          return 0;
        }
        remember();
        const { nodes, edges } = removeNodes(get().nodes, get().edges, ids);
        commit(nodes, edges.filter((e) => !edgeIds.has(e.id)));
        return ids.size + edgeIds.size;
      },

      deleteNodes: (ids) => {
        if (ids.length === 0) {
          return;
        }
        remember();
        const { nodes, edges } = removeNodes(get().nodes, get().edges, new Set(ids));
        commit(nodes, edges);
      },

      copySelection: () => {
        const c = clip.copy(get().nodes, get().edges, selectedIds());
        if (c === null) {
          return 0;
        }
        set({ clipboard: c, pasteCount: 0 });
        return c.nodes.length;
      },

      paste: () => {
        const c = get().clipboard;
        if (c === null || get().flowId === null) {
          return 0;
        }
        const offset = get().pasteCount + 1;
        set({ pasteCount: offset });
        return pasteClip(c, offset);
      },

      duplicate: (ids) => {
        const c = clip.copy(get().nodes, get().edges, new Set(ids));
        return c === null ? 0 : pasteClip(c, 1);
      },

      undo: () => {
        const step = undo(get().history, snapshot());
        if (step !== null) {
          set({ history: step.history, nodes: step.snapshot.nodes, edges: step.snapshot.edges });
          touch();
        }
      },

      redo: () => {
        const step = redo(get().history, snapshot());
        if (step !== null) {
          set({ history: step.history, nodes: step.snapshot.nodes, edges: step.snapshot.edges });
          touch();
        }
      },

      moveNodes: (positions) => {
        remember();
        commit(
          get().nodes.map((n) => {
            const p = positions.get(n.id);
            return p === undefined ? n : { ...n, position: p };
          }),
          get().edges,
          false,
        );
      },

      setProblems: (problems) => setProblems(problems),

      save: async () => {
        await saver.flush();
        const s = get();
        return s.revision === s.savedRevision;
      },

      settle: () => saver.idle(),

      isDirty: () => get().revision !== get().savedRevision,

      document,
    };
  });
}
