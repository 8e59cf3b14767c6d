import { create } from 'zustand';
import { APIs, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { emptyDraft, maxSampleBytes, normalizeDraft, sameDraft, toDefinition, type ApiDraft } from './model';

/** What the response area shows: a test just run, or the sample saved with the API. */
export type ResponseShown =
  | { kind: 'test'; result: app.TestResult }
  | { kind: 'sample'; body: string; structure: app.TestResult['structure'] }
  | null;

interface ApisState {
  list: app.APISummary[] | null;
  listError: string;
  search: string;
  /** The API open in the editor: its id, 'new' for an unsaved one, or null. */
  selected: number | 'new' | null;
  draft: ApiDraft;
  /** The draft as last loaded or saved, to tell unsaved changes. */
  saved: ApiDraft;
  loading: boolean;
  saving: boolean;
  saveError: string;
  /** What is allowed in the saved API but almost certainly wrong (apicall.Lint), one sentence each. */
  warnings: string[];
  testing: boolean;
  testError: string;
  response: ResponseShown;
  testValues: Record<string, string>;
  /** Bumped after each save or test so the log tab reloads. */
  logVersion: number;

  loadList: () => Promise<void>;
  setSearch: (search: string) => void;
  open: (id: number) => Promise<void>;
  startNew: (initial?: Partial<ApiDraft>) => void;
  close: () => void;
  edit: (change: (d: ApiDraft) => ApiDraft) => void;
  save: () => Promise<boolean>;
  duplicate: (id: number) => Promise<void>;
  remove: (id: number) => Promise<void>;
  runTest: () => Promise<void>;
  cancelTest: () => Promise<void>;
  setTestValue: (name: string, value: string) => void;
  addMapping: (path: string, attribute: string) => void;
}

/** Labels of the fields a warning can name, as the editor shows them. */
const fieldLabels: Record<string, string> = { url: 'URL', body: 'Body', headers: 'Headers', query: 'Query', auth: 'Authorization' };

function labelled(field: string, message: string): string {
  const label = fieldLabels[field.split('.')[0]];
  return label === undefined ? message : `${label}: ${message}`;
}

/** The saved API's warnings as sentences; none when they cannot be read (they are advice, never a failure). */
async function warningsOf(def: Parameters<typeof APIs.Warnings>[0]): Promise<string[]> {
  try {
    const found = await APIs.Warnings(def);
    return (found ?? []).map((w) => labelled(w.field, w.message));
  } catch {
    return [];
  }
}

let runCounter = 0;
let currentRun = '';

function sampleResponse(draft: ApiDraft): ResponseShown {
  if (draft.sampleResponse === undefined || draft.sampleResponse === '') {
    return (draft.sampleStructure ?? []).length > 0 ? { kind: 'sample', body: '', structure: draft.sampleStructure ?? [] } : null;
  }
  return { kind: 'sample', body: draft.sampleResponse, structure: draft.sampleStructure ?? [] };
}

/** The APIs page state: the list, the API being edited, and the tester. */
export const useApisStore = create<ApisState>()((set, get) => ({
  list: null,
  listError: '',
  search: '',
  selected: null,
  draft: emptyDraft(),
  saved: emptyDraft(),
  loading: false,
  saving: false,
  saveError: '',
  warnings: [],
  testing: false,
  testError: '',
  response: null,
  testValues: {},
  logVersion: 0,

  loadList: async () => {
    try {
      set({ list: await APIs.List(get().search), listError: '' });
    } catch (err) {
      set({ listError: errorMessage(err) });
    }
  },

  setSearch: (search) => {
    set({ search });
    void get().loadList();
  },

  open: async (id) => {
    set({ loading: true, selected: id, saveError: '', testError: '' });
    try {
      const def = await APIs.Get(id);
      const draft = normalizeDraft(def);
      set({ draft, saved: draft, response: sampleResponse(draft), loading: false, warnings: await warningsOf(def) });
    } catch (err) {
      set({ loading: false, selected: null, listError: errorMessage(err) });
      void get().loadList();
    }
  },

  startNew: (initial) => {
    const draft = normalizeDraft({ ...emptyDraft(), ...initial });
    set({ selected: 'new', draft, saved: emptyDraft(), saveError: '', testError: '', response: null, warnings: [] });
  },

  close: () => set({ selected: null, draft: emptyDraft(), saved: emptyDraft(), response: null, warnings: [] }),

  // An edit makes the last save's and the last test's errors stale: a URL
  // error must not stay under a URL that was fixed since (issue 14, finding 5).
  edit: (change) => set((s) => ({ draft: change(s.draft), saveError: '', testError: '' })),

  save: async () => {
    set({ saving: true, saveError: '' });
    try {
      const def = await APIs.Save(toDefinition(get().draft));
      const saved = normalizeDraft(def);
      const warnings = await warningsOf(def);
      set((s) => ({
        warnings,
        saving: false,
        selected: saved.id ?? null,
        draft: saved,
        saved,
        logVersion: s.logVersion + 1,
        response: s.response ?? sampleResponse(saved),
      }));
      await get().loadList();
      return true;
    } catch (err) {
      set({ saving: false, saveError: errorMessage(err) });
      return false;
    }
  },

  duplicate: async (id) => {
    const def = await APIs.Duplicate(id);
    const copy = normalizeDraft(def);
    await get().loadList();
    set({ selected: copy.id ?? null, draft: copy, saved: copy, response: sampleResponse(copy), saveError: '', warnings: await warningsOf(def) });
  },

  remove: async (id) => {
    await APIs.Delete(id);
    if (get().selected === id) get().close();
    await get().loadList();
  },

  runTest: async () => {
    const runId = `test-${++runCounter}-${Date.now()}`;
    currentRun = runId;
    set({ testing: true, testError: '' });
    try {
      const result = await APIs.Test(runId, toDefinition(get().draft), get().testValues);
      if (currentRun !== runId) return;
      set((s) => ({
        testing: false,
        response: { kind: 'test', result },
        logVersion: s.logVersion + 1,
        // The sample goes with the API on the next save; it does not make the draft dirty.
        draft:
          result.status !== 0 && result.bodyIsJSON
            ? {
                ...s.draft,
                sampleResponse: result.body.length <= maxSampleBytes ? result.body : '',
                sampleStructure: result.structure,
              }
            : s.draft,
      }));
    } catch (err) {
      if (currentRun === runId) set({ testing: false, testError: errorMessage(err) });
    }
  },

  cancelTest: async () => {
    if (currentRun !== '') await APIs.CancelTest(currentRun);
  },

  setTestValue: (name, value) => set((s) => ({ testValues: { ...s.testValues, [name]: value } })),

  addMapping: (path, attribute) =>
    set((s) => {
      const others = s.draft.mappings.filter((m) => m.path !== path && (m.path !== '' || m.attribute !== ''));
      return { draft: { ...s.draft, mappings: [...others, { path, attribute }] } };
    }),
}));

/** Whether the open API has changes that are not saved. */
export function selectDirty(s: Pick<ApisState, 'selected' | 'draft' | 'saved'>): boolean {
  return s.selected !== null && !sameDraft(s.draft, s.saved);
}
