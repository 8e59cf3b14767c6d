import { useEffect, useState } from 'react';
import { Button, Checkbox, Dialog, toast } from '../components/ui';
import { Data, onEvent } from '../lib/backend';
import { errorMessage } from '../lib/errors';
import { useSystemStore } from '../stores/system';

/** The event Go emits when the desktop window is being closed. */
export const closeRequestedEvent = 'window:close-requested';

/**
 * Desktop only: when the owner closes the window, asks whether to keep the bot
 * running in the background (the window hides; starting the app again shows
 * it) or to quit, with "remember my choice". Browser mode has no window and
 * renders nothing.
 */
export function CloseDialog() {
  const desktop = useSystemStore((s) => s.info?.mode === 'desktop');
  const [open, setOpen] = useState(false);
  const [remember, setRemember] = useState(false);

  useEffect(() => {
    if (!desktop) return;
    const off = onEvent(closeRequestedEvent, () => setOpen(true));
    // Until Go hears this, closing the window simply quits.
    Data.CloseDialogReady().catch(() => undefined);
    return off;
  }, [desktop]);

  const answer = async (action: 'background' | 'quit') => {
    setOpen(false);
    try {
      await Data.CloseWindow(action, remember);
    } catch (err) {
      toast.error('Could not close the window', errorMessage(err));
    }
  };

  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      title="Keep your bot running?"
      description="Your bot answers WhatsApp messages only while Chatflow Studio runs. In the background the window hides and the bot keeps answering; start the app again to bring the window back."
      size="sm"
      footer={
        <>
          <Button variant="ghost" onClick={() => void answer('quit')}>
            Quit
          </Button>
          <Button variant="primary" data-autofocus onClick={() => void answer('background')}>
            Keep running in the background
          </Button>
        </>
      }
    >
      <Checkbox
        label="Remember my choice"
        description="You can change it later in Settings, under Data."
        checked={remember}
        onChange={setRemember}
      />
    </Dialog>
  );
}
