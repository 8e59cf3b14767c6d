import { confirm, notify, toast } from '../../components/ui';
import { Flows } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';

/**
 * Publishes a flow with the safeguards of the walk-through's finding 2: a
 * flow Go refuses (errors, or one that sends nothing) is explained instead of
 * published; taking another live flow offline is confirmed by name; and while
 * WhatsApp is not connected the owner hears "live once WhatsApp is connected"
 * rather than "is live". Resolves whether the flow was published.
 */
export async function publishFlow(id: number): Promise<boolean> {
  let preview;
  try {
    preview = await Flows.PublishPreview(id);
  } catch (err) {
    toast.error('Not published', errorMessage(err));
    return false;
  }
  const name = preview.flowName;
  if (preview.blocker !== '') {
    toast.error('Not published', preview.blocker);
    return false;
  }
  if (preview.replaces !== '') {
    const ok = await confirm({
      title: `Publish "${name}"?`,
      message: `Publishing "${name}" takes "${preview.replaces}" offline: new WhatsApp conversations will follow "${name}" instead.`,
      confirmLabel: `Publish "${name}"`,
    });
    if (!ok) return false;
  }
  try {
    await Flows.Publish(id);
  } catch (err) {
    toast.error('Not published', errorMessage(err));
    return false;
  }
  if (preview.connected) {
    toast.success(`"${name}" is live`, 'New WhatsApp conversations follow this flow.');
  } else {
    notify({
      kind: 'info',
      title: `"${name}" will be live once WhatsApp is connected`,
      message: `Until then customers get no answers. Settings still needs: ${(preview.missing ?? []).join(', ')}.`,
      timeoutMs: 8000,
    });
  }
  return true;
}
