import { useRef, type ChangeEvent } from 'react';
import { confirm, toast } from '../../components/ui';
import { flowsApi } from '../../flow/api';
import { errorMessage } from '../../lib/errors';
import { importSummary, isNameConflict } from './bundle';

/**
 * The Import button's logic: a hidden file input, the import, and — when
 * names already exist — a question before replacing them. Returns the input's
 * props and a function that opens the file picker.
 */
export function useBundleImport(onDone: () => void) {
  const inputRef = useRef<HTMLInputElement>(null);

  const run = async (text: string, name: string) => {
    try {
      toast.success('Bundle imported', importSummary(await flowsApi.importBundle(text, false)));
      onDone();
    } catch (err) {
      const message = errorMessage(err);
      if (!isNameConflict(err)) {
        toast.error(`Could not import ${name}`, message);
        return;
      }
      const ok = await confirm({
        title: 'Replace what already exists?',
        message: `${message} Replace the existing items with the ones in ${name}?`,
        confirmLabel: 'Replace and import',
        danger: true,
      });
      if (!ok) return;
      try {
        toast.success('Bundle imported', importSummary(await flowsApi.importBundle(text, true)));
        onDone();
      } catch (again) {
        toast.error(`Could not import ${name}`, errorMessage(again));
      }
    }
  };

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file === undefined) return;
    await run(await file.text(), file.name);
  };

  return {
    open: () => inputRef.current?.click(),
    input: {
      ref: inputRef,
      type: 'file' as const,
      accept: '.json,application/json',
      hidden: true,
      'aria-label': 'Bundle file to import',
      'data-testid': 'import-file',
      onChange: (e: ChangeEvent<HTMLInputElement>) => void onChange(e),
    },
  };
}
