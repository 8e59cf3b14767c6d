import { create } from 'zustand';
import { Settings, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';

interface SettingsState {
  /** The saved WhatsApp settings (secrets masked); null until loaded. */
  settings: app.WhatsAppSettings | null;
  /** The live state beside the form; null until loaded. */
  status: app.WhatsAppStatus | null;
  error: string;
  load: () => Promise<void>;
  refreshStatus: () => Promise<void>;
  /** Saves the form; resolves with the error sentence, or '' when saved. */
  save: (input: app.WhatsAppSettingsInput) => Promise<string>;
}

/** What the Settings page shows about the WhatsApp connection. */
export const useSettings = create<SettingsState>()((set, get) => ({
  settings: null,
  status: null,
  error: '',
  load: async () => {
    try {
      const [settings, status] = await Promise.all([Settings.Get(), Settings.Status()]);
      set({ settings, status, error: '' });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  refreshStatus: async () => {
    try {
      set({ status: await Settings.Status() });
    } catch {
      // The next poll tries again; the form keeps working meanwhile.
    }
  },
  save: async (input) => {
    try {
      const settings = await Settings.Save(input);
      set({ settings });
      await get().refreshStatus();
      return '';
    } catch (err) {
      return errorMessage(err);
    }
  },
}));

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

/** The callback URL Meta needs, as the form would save it. */
export function callbackUrl(publicUrl: string): string {
  const base = publicUrl.trim().replace(/\/+$/, '');
  return base === '' ? '' : `${base}/webhook/whatsapp`;
}
