import { render } from '@testing-library/react';
import { useState, type ComponentType } from 'react';
import type { DataByType, FlowNodeOf, NodeType } from '../flow/model';
import { defaultsOf } from '../flow/nodes/catalogue';
import type { InspectorProps } from '../flow/nodes/shared/inspector';

/**
 * Renders a node type's inspector over its default data (with initial on
 * top) as the node id, the way the editor does: each update patches the
 * node's data. data() returns the data after the last update, for
 * assertions.
 */
export function renderInspector<T extends NodeType>(
  type: T,
  Inspector: ComponentType<InspectorProps<T>>,
  initial: Partial<DataByType[T]> = {},
  id = 'node_1',
): { data: () => DataByType[T] } {
  let last: DataByType[T] = { ...defaultsOf(type), ...initial };
  function Harness() {
    const [data, setData] = useState<DataByType[T]>(last);
    const node = { id, type, position: { x: 0, y: 0 }, data } as FlowNodeOf<T>;
    return (
      <Inspector
        node={node}
        problems={[]}
        update={(patch) =>
          setData((d) => {
            last = { ...d, ...patch };
            return last;
          })
        }
      />
    );
  }
  render(<Harness />);
  return { data: () => last };
}
