import { Select } from '../../../components/ui';
import { useCatalog } from '../../catalog';
import { RoutesEditor } from '../../inspector/fields/RoutesEditor';
import { fieldError } from '../../inspector/fields/problems';
import type { InspectorProps } from '../shared/inspector';

/** Edits an api node: which saved API it calls and the status routes it branches on. */
export function ApiInspector({ node, update, problems }: InspectorProps<'api'>) {
  const d = node.data;
  const apis = useCatalog((s) => s.apis);
  const options = apis.map((a) => ({ value: a.name, label: a.name }));
  if (d.api !== '' && !apis.some((a) => a.name === d.api)) {
    options.unshift({ value: d.api, label: `${d.api} · missing` });
  }
  const chosen = apis.find((a) => a.name === d.api);
  return (
    <>
      <Select
        label="API"
        value={d.api}
        onChange={(api) => update({ api })}
        options={options}
        placeholder="Choose an API…"
        required
        hint={
          apis.length === 0 ? (
            <>
              No APIs yet. <a href="#/apis">Add one on the APIs page.</a>
            </>
          ) : chosen !== undefined ? (
            <span>
              {chosen.method} {chosen.url}
            </span>
          ) : (
            'Mapped response fields are saved in their attributes; {{api.status}} holds the status.'
          )
        }
        error={fieldError(problems, 'api')}
      />
      <RoutesEditor routes={d.routes} onChange={(routes) => update({ routes })} error={fieldError(problems, 'routes')} />
    </>
  );
}
