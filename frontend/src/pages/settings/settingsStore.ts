import { create } from 'zustand';
import { onEvent, Settings, type app, type studio } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';

/** The Go event sent with the tunnel's new state (studio.TunnelStatus). */
export const tunnelChangedEvent = 'tunnel:changed';

/** Problems of a form by field (its JSON name; '' for the form as a whole). */
export type FieldErrors = Record<string, string>;

/** Turns Go's field problems into a map, the first sentence per field. */
export function byField(problems: studio.FieldProblem[] | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems ?? []) {
    if (out[p.field] === undefined) out[p.field] = p.message;
  }
  return out;
}

interface SettingsState {
  /** The saved WhatsApp settings (secrets masked); null until loaded. */
  settings: app.WhatsAppSettings | null;
  /** The live state beside the form; null until loaded. */
  status: app.WhatsAppStatus | null;
  /** The public address (tunnel or own URL) and its checks; null until loaded. */
  address: app.PublicAddress | null;
  error: string;
  load: () => Promise<void>;
  refreshStatus: () => Promise<void>;
  /** Checks then saves the form; resolves with the problems by field (empty when saved). */
  save: (input: app.WhatsAppSettingsInput) => Promise<FieldErrors>;
  /** Checks then saves the public address; resolves with the problems by field (empty when saved). */
  saveAddress: (input: app.PublicAddressInput) => Promise<FieldErrors>;
  /** Takes a tunnel state pushed by Go. */
  setTunnel: (tunnel: studio.TunnelStatus) => void;
}

/** What the Settings page shows about the WhatsApp connection. */
export const useSettings = create<SettingsState>()((set, get) => ({
  settings: null,
  status: null,
  address: null,
  error: '',
  load: async () => {
    try {
      const [settings, status, address] = await Promise.all([Settings.Get(), Settings.Status(), Settings.PublicAddress()]);
      set({ settings, status, address, error: '' });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  refreshStatus: async () => {
    try {
      const [status, address] = await Promise.all([Settings.Status(), Settings.PublicAddress()]);
      set({ status, address });
    } catch {
      // The next poll tries again; the form keeps working meanwhile.
    }
  },
  save: async (input) => {
    try {
      const problems = byField(await Settings.Check(input));
      if (Object.keys(problems).length > 0) return problems;
      const settings = await Settings.Save(input);
      set({ settings });
      await get().refreshStatus();
      return {};
    } catch (err) {
      return { '': errorMessage(err) };
    }
  },
  saveAddress: async (input) => {
    try {
      const problems = byField(await Settings.CheckPublicAddress(input));
      if (Object.keys(problems).length > 0) return problems;
      set({ address: await Settings.SavePublicAddress(input) });
      await get().refreshStatus();
      return {};
    } catch (err) {
      return { '': errorMessage(err) };
    }
  },
  setTunnel: (tunnel) => {
    const address = get().address;
    if (address !== null) set({ address: { ...address, tunnel } as app.PublicAddress });
  },
}));

/** Keeps the tunnel's state current while the Settings page is open. */
export function subscribeTunnel(): () => void {
  return onEvent(tunnelChangedEvent, (data) => {
    useSettings.getState().setTunnel(data as studio.TunnelStatus);
    // The callback URL follows the tunnel's address.
    void useSettings.getState().refreshStatus();
  });
}

/** The form's starting values: what is saved, secrets left empty ("keep"). */
export function formFrom(s: app.WhatsAppSettings): app.WhatsAppSettingsInput {
  return {
    phoneNumberId: s.phoneNumberId.value,
    businessAccountId: s.businessAccountId.value,
    accessToken: '',
    clearAccessToken: false,
    appSecret: '',
    clearAppSecret: false,
    verifyToken: s.verifyToken.value,
    apiVersion: s.apiVersion.value,
    graphUrl: s.graphUrl.value,
    webhookAddr: s.webhookAddr.value,
    publicUrl: s.publicUrl.value,
    staleMinutes: s.staleMinutes,
    rateLimit: s.rateLimit,
  };
}
