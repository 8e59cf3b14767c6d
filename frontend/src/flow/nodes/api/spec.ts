import { Plug } from 'lucide-react';
import type { NodeSpec } from '../shared/spec';
import { readString, readStrings } from '../shared/read';

/** The api node: calls a saved API and branches on its status code. */
export const apiSpec: NodeSpec<'api'> = {
  type: 'api',
  label: 'API call',
  description:
    'Calls one of your APIs, saves the mapped fields and branches on the status code; "others" catches everything unlisted, timeouts and errors.',
  group: 'Logic',
  icon: Plug,
  hasInput: true,
  waitsForInput: false,
  defaults: () => ({ api: '', routes: ['200', '404'] }),
  normalize: (raw) => ({
    api: readString(raw, 'api'),
    routes: readStrings(raw, 'routes').filter((r) => r !== 'others'),
  }),
  outputs: (d) => [
    ...d.routes.filter((r) => r !== 'others').map((r) => ({ id: r, label: r })),
    { id: 'others', label: 'Others' },
  ],
};
