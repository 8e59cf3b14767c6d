import { Button } from './Button';
import { useConfirmStore } from './confirm';
import { Dialog } from './Dialog';

/** Renders the pending confirm() request; mounted once by the app shell. */
export function ConfirmHost() {
  const pending = useConfirmStore((s) => s.pending);
  const answer = useConfirmStore((s) => s.answer);
  if (pending === null) {
    return null;
  }
  return (
    <Dialog
      open
      size="sm"
      title={pending.title}
      description={pending.message}
      onClose={() => answer(false)}
      footer={
        <>
          <Button onClick={() => answer(false)}>{pending.cancelLabel ?? 'Cancel'}</Button>
          <Button variant={pending.danger === true ? 'danger' : 'primary'} data-autofocus onClick={() => answer(true)}>
            {pending.confirmLabel ?? 'Confirm'}
          </Button>
        </>
      }
    />
  );
}
