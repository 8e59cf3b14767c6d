import { Templates } from '../../lib/backend';
import type { TemplatesApi } from './api';
import { TemplatesPage } from './TemplatesPage';

/** The page's door to Go: the bound Templates service. */
const boundApi: TemplatesApi = {
  list: () => Templates.List(),
  sync: () => Templates.Sync(),
};

/** The Templates page over the bound service (the route's component). */
export function BoundTemplatesPage() {
  return <TemplatesPage api={boundApi} />;
}
