import type { Connection, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type { DataByType, FlowDoc, FlowEdge, FlowNode, NodeType, Problem } from '../model';
import type { Clip } from './clipboard';
import type { NodeLink } from './graph';
import type { History } from './history';

/** Where the document stands against what is stored. */
export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'error';

/** What a save returns: the stored flow (new version) and its problems. */
export interface SaveResult {
  flow: FlowDoc;
  problems: Problem[];
}

/** The calls the editor makes to Go (Flows.Save and Flows.Validate); tests pass fakes. */
export interface EditorBackend {
  save: (doc: FlowDoc) => Promise<SaveResult>;
  validate: (doc: FlowDoc) => Promise<Problem[]>;
}

/** Timings of the editor; tests shorten them. */
export interface EditorOptions {
  /** Quiet time after the last edit before an automatic save. */
  autosaveMs?: number;
  /** Quiet time after the last edit before live validation. */
  validateMs?: number;
  /** The clock used to coalesce undo steps. */
  now?: () => number;
}

/** The document and its bookkeeping. */
export interface EditorData {
  /** The loaded flow's id, or null when no flow is open. */
  flowId: number | null;
  name: string;
  published: boolean;
  version: number;
  updatedAt: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** The latest validation result, and the same problems grouped by node id ("" for the flow). */
  problems: Problem[];
  problemsByNode: Record<string, Problem[]>;
  /** The revision the problems belong to; -1 until the first check answers. */
  checkedRevision: number;
  history: History;
  /** Grows on every change of the document; savedRevision is the last one stored. */
  revision: number;
  savedRevision: number;
  saveStatus: SaveStatus;
  /** Why the last save failed, in one sentence. */
  saveError: string;
  /** The copied nodes; kept when another flow opens so nodes can move between flows. */
  clipboard: Clip | null;
  /** How many times the clipboard was pasted, so each paste lands a little further. */
  pasteCount: number;
}

/** What the canvas, the inspector and the shortcuts can do. */
export interface EditorActions {
  /** Opens a flow: replaces the document, clears history and validates. */
  load: (doc: FlowDoc) => void;
  /** Closes the flow (after the caller saved it). */
  unload: () => void;
  /** Updates the name and live state shown by the editor (Flows.Rename and Publish store them). */
  setMeta: (meta: { name?: string; published?: boolean }) => void;
  onNodesChange: (changes: NodeChange<FlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<FlowEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  /** Records an undo step before nodes are dragged. */
  beginDrag: () => void;
  endDrag: () => void;
  /**
   * Adds a node with its defaults at a canvas position, selected, and joins it
   * to the graph by link when given (one undo step); returns its id or null (a
   * second start).
   */
  addNode: (type: NodeType, position: XYPosition, link?: NodeLink) => string | null;
  /** Moves the selected nodes by dx, dy (arrow keys); quick repeats are one undo step. Returns how many moved. */
  nudge: (dx: number, dy: number) => number;
  /**
   * Changes some data fields of one node. Edges from outputs the node no
   * longer has are dropped. Edits with the same key in quick succession are
   * one undo step (typing in one field).
   */
  updateData: <T extends NodeType>(id: string, patch: Partial<DataByType[T]>, key?: string) => void;
  /** Selects exactly the given nodes (and no edges). */
  select: (ids: readonly string[]) => void;
  /** Deletes the selected nodes and edges; returns how many things went. */
  deleteSelection: () => number;
  deleteNodes: (ids: readonly string[]) => void;
  /** Copies the selected nodes; returns how many were copied. */
  copySelection: () => number;
  /** Pastes the clipboard; returns how many nodes were added. */
  paste: () => number;
  duplicate: (ids: readonly string[]) => number;
  undo: () => void;
  redo: () => void;
  /** Moves nodes to new positions in one undo step (auto-layout). */
  moveNodes: (positions: ReadonlyMap<string, XYPosition>) => void;
  setProblems: (problems: Problem[]) => void;
  /** Saves now if anything changed; resolves true when the stored flow is up to date. */
  save: () => Promise<boolean>;
  /** Resolves when saves already started are done; load the next flow after it. */
  settle: () => Promise<void>;
  /** Reports whether there are changes that are not stored yet. */
  isDirty: () => boolean;
  /** The document as Flows.Save takes it. */
  document: () => FlowDoc;
}

/** The editor store's state: data plus actions. */
export type EditorState = EditorData & EditorActions;
