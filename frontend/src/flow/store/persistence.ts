import { errorMessage } from '../../lib/errors';
import { toDocument } from '../convert';
import type { FlowDoc, Problem } from '../model';
import { debouncedTask, type DebouncedTask } from './debounce';
import type { EditorBackend, EditorOptions, EditorState } from './types';

/** Groups problems by node id; problems of the whole flow are under "". */
export function groupProblems(problems: readonly Problem[]): Record<string, Problem[]> {
  const out: Record<string, Problem[]> = {};
  for (const p of problems) {
    (out[p.nodeId] ??= []).push(p);
  }
  return out;
}

/** The saving and checking machinery of an editor store. */
export interface Persistence {
  /** The document as Flows.Save takes it. */
  document: () => FlowDoc;
  /** Shows problems as those of a revision (the current one by default). */
  setProblems: (problems: Problem[], checkedRevision?: number) => void;
  /** Autosave: saves the document when it changed since the last save. */
  saver: DebouncedTask;
  /** Live validation of the current document. */
  validator: DebouncedTask;
}

/**
 * Builds the autosave and live validation of an editor store. A save or check
 * answers for the revision it was started with: a save marks that revision
 * stored, and problems are shown only while the document is still that
 * revision. Answers for a flow that was closed meanwhile are dropped.
 */
export function persistence(
  get: () => EditorState,
  set: (partial: Partial<EditorState>) => void,
  backend: EditorBackend,
  options: EditorOptions,
): Persistence {
  const document = (): FlowDoc => {
    const s = get();
    return {
      id: s.flowId ?? 0,
      name: s.name,
      published: s.published,
      version: s.version,
      updatedAt: s.updatedAt,
      ...toDocument(s.nodes, s.edges),
    };
  };

  const setProblems = (problems: Problem[], checkedRevision = get().revision) =>
    set({ problems, problemsByNode: groupProblems(problems), checkedRevision });

  const runSave = async () => {
    const s = get();
    if (s.flowId === null || s.revision === s.savedRevision) {
      return;
    }
    const { flowId, revision } = s;
    set({ saveStatus: 'saving', saveError: '' });
    try {
      const res = await backend.save(document());
      if (get().flowId !== flowId) {
        return;
      }
      const savedRevision = Math.max(get().savedRevision, revision);
      const current = get().revision;
      set({
        savedRevision,
        version: res.flow.version,
        updatedAt: res.flow.updatedAt,
        saveStatus: current === savedRevision ? 'saved' : 'unsaved',
      });
      if (current === revision) {
        setProblems(res.problems ?? [], revision);
      }
    } catch (err) {
      if (get().flowId === flowId) {
        set({ saveStatus: 'error', saveError: errorMessage(err) });
      }
    }
  };

  const runValidate = async () => {
    const s = get();
    if (s.flowId === null) {
      return;
    }
    const { flowId, revision } = s;
    try {
      const problems = await backend.validate(document());
      if (get().flowId === flowId && get().revision === revision) {
        setProblems(problems ?? [], revision);
      }
    } catch {
      // Live validation is advice; the next save reports the problems too.
    }
  };

  const saver = debouncedTask(runSave, options.autosaveMs ?? 1000);
  const validator = debouncedTask(runValidate, options.validateMs ?? 300);

  return { document, setProblems, saver, validator };
}
