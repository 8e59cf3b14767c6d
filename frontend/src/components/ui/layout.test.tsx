import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Badge } from './Badge';
import { EmptyState } from './EmptyState';
import { Page } from './Page';
import { Panel } from './Panel';
import { SplitPane } from './SplitPane';
import { Table, type Column } from './Table';

interface Row {
  name: string;
  code: number;
}

const columns: Column<Row>[] = [
  { key: 'name', header: 'Name', cell: (r) => r.name },
  { key: 'code', header: 'Code', cell: (r) => <Badge mono>{r.code}</Badge>, align: 'right', mono: true },
];

describe('Table', () => {
  const rows: Row[] = [
    { name: 'Order status', code: 200 },
    { name: 'Booking', code: 404 },
  ];

  it('renders headers and cells', () => {
    render(<Table label="APIs" columns={columns} rows={rows} rowKey={(r) => r.name} />);
    const table = screen.getByRole('table', { name: 'APIs' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Code']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('404')).toBeInTheDocument();
  });

  it('opens rows by click and by keyboard and marks the selected one', async () => {
    const onRowClick = vi.fn();
    render(<Table columns={columns} rows={rows} rowKey={(r) => r.name} onRowClick={onRowClick} selectedKey="Booking" />);
    const [, first, second] = screen.getAllByRole('row');
    await userEvent.click(within(first).getByText('Order status'));
    expect(onRowClick).toHaveBeenLastCalledWith(rows[0]);
    second.focus();
    await userEvent.keyboard('{Enter}');
    expect(onRowClick).toHaveBeenLastCalledWith(rows[1]);
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(first).toHaveAttribute('aria-selected', 'false');
  });

  it('shows the empty content when there are no rows', () => {
    render(<Table columns={columns} rows={[]} rowKey={(r) => r.name} empty="No APIs yet." />);
    expect(screen.getByRole('cell')).toHaveTextContent('No APIs yet.');
  });
});

describe('SplitPane', () => {
  it('resizes with arrow keys within its bounds', async () => {
    const onResize = vi.fn();
    render(
      <SplitPane defaultSize={300} minSize={200} maxSize={340} label="Resize inspector" onResize={onResize}>
        <div>left</div>
        <div>right</div>
      </SplitPane>,
    );
    const sep = screen.getByRole('separator', { name: 'Resize inspector' });
    expect(sep).toHaveAttribute('aria-valuenow', '300');
    sep.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(sep).toHaveAttribute('aria-valuenow', '316');
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(sep).toHaveAttribute('aria-valuenow', '340');
    await userEvent.keyboard('{Home}');
    expect(sep).toHaveAttribute('aria-valuenow', '200');
    expect(onResize).toHaveBeenLastCalledWith(200);
    expect(screen.getByText('left').parentElement).toHaveStyle({ width: '200px' });
  });

  it('takes a new size when the page asks for another split, keeping its panes mounted', async () => {
    const pane = (size: number) => (
      <SplitPane orientation="vertical" defaultSize={size} minSize={100} maxSize={500}>
        <input aria-label="kept" defaultValue="" />
        <div>bottom</div>
      </SplitPane>
    );
    const { rerender } = render(pane(400));
    const sep = screen.getByRole('separator');
    sep.focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(sep).toHaveAttribute('aria-valuenow', '384');
    await userEvent.type(screen.getByLabelText('kept'), 'typed');
    rerender(pane(400));
    expect(sep).toHaveAttribute('aria-valuenow', '384');
    rerender(pane(250));
    expect(sep).toHaveAttribute('aria-valuenow', '250');
    expect(screen.getByLabelText('kept')).toHaveValue('typed');
  });

  it('follows a pointer drag', () => {
    render(
      <SplitPane orientation="vertical" defaultSize={200} minSize={100} maxSize={500}>
        <div>top</div>
        <div>bottom</div>
      </SplitPane>,
    );
    const sep = screen.getByRole('separator');
    sep.setPointerCapture = vi.fn();
    sep.hasPointerCapture = () => true;
    fireEvent.pointerDown(sep, { pointerId: 1 });
    fireEvent.pointerMove(sep, { pointerId: 1, clientY: 260 });
    expect(sep).toHaveAttribute('aria-valuenow', '260');
    expect(sep).toHaveAttribute('aria-orientation', 'horizontal');
  });
});

describe('Page, Panel and EmptyState', () => {
  it('lay out headings, descriptions and actions', () => {
    render(
      <Page title="APIs" description="Outside JSON APIs." actions={<button type="button">New API</button>}>
        <Panel title="Request" subtitle="What is sent." actions={<button type="button">Send</button>}>
          <EmptyState title="Nothing sent yet" hint="Press Send.">
            Responses appear here.
          </EmptyState>
        </Panel>
      </Page>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'APIs' })).toBeInTheDocument();
    expect(screen.getByText('Outside JSON APIs.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Request' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Nothing sent yet' })).toBeInTheDocument();
    expect(screen.getByText('Press Send.')).toBeInTheDocument();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['New API', 'Send']);
  });
});
