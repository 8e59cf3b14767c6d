import { onEvent, Templates } from '../../lib/backend';
import { createTemplateListStore, templatesChangedEvent, useTemplateListFrom, type TemplateListState } from './templateListStore';

/** The app's one list of synced templates (Templates.List), refreshed on templates:changed. */
export const templateListStore = createTemplateListStore(async () => (await Templates.List()).templates);

const subscribe = (onChange: () => void) => onEvent(templatesChangedEvent, onChange);

/** Reads the synced templates, loading them on first use. */
export function useTemplateList<T>(selector: (s: TemplateListState) => T): T {
  return useTemplateListFrom(templateListStore, subscribe, selector);
}
