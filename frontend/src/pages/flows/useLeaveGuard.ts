import { useEffect } from 'react';
import { toast } from '../../components/ui';
import { editorStore } from '../../flow/store';

/**
 * Makes leaving the editor with unsaved work never silent: closing or
 * reloading the window asks first (beforeunload), and leaving the page in the
 * app saves at once, with an error toast if that save fails.
 */
export function useLeaveGuard(flowId: number): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const s = editorStore.getState();
      if (s.flowId === flowId && s.isDirty()) {
        void s.save();
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      const s = editorStore.getState();
      if (s.flowId !== flowId || !s.isDirty()) {
        return;
      }
      const name = s.name;
      void s.save().then((ok) => {
        if (!ok) {
          toast.error(`Your last changes to "${name}" were not saved`, editorStore.getState().saveError || undefined);
        }
      });
    };
  }, [flowId]);
}
