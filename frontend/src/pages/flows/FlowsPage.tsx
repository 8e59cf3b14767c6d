import { useRoute } from '../../lib/router';
import { FlowEditorPage } from './FlowEditorPage';
import { FlowListPage } from './FlowListPage';

/** The Flows page: the list at #/flows, the editor of one flow at #/flows/<id>. */
export function FlowsPage() {
  const route = useRoute();
  const id = Number(route.params[0]);
  if (route.params[0] !== undefined && Number.isSafeInteger(id) && id > 0) {
    return <FlowEditorPage key={id} id={id} />;
  }
  return <FlowListPage />;
}
