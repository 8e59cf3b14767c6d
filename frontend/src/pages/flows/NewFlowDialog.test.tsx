import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../lib/backend';
import { installFakeBackend, removeFakeBackend } from '../../test/fakeBackend';
import { NewFlowDialog } from './NewFlowDialog';

const templates = [
  app.Template.createFrom({ id: 'order-status', title: 'Order status', description: 'Look up an order.', features: ['API'] }),
  app.Template.createFrom({ id: 'faq', title: 'FAQ', description: 'Answer common questions.', features: [] }),
];

let started: string[];

beforeEach(() => {
  started = [];
  installFakeBackend({
    Data: {
      Templates: () => Promise.resolve(templates),
      StartFromTemplate: (...args: unknown[]) => {
        started.push(args[0] as string);
        return Promise.resolve(app.StartResult.createFrom({ flowId: 7, flowName: 'Order status', notice: '' }));
      },
    },
  });
});
afterEach(() => removeFakeBackend());

describe('NewFlowDialog', () => {
  it('creates a blank flow with a name, and refuses an empty one under the field', async () => {
    const onCreateBlank = vi.fn(() => Promise.resolve());
    render(<NewFlowDialog open onClose={() => {}} onCreateBlank={onCreateBlank} onStarted={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create blank flow' }));
    expect(screen.getByLabelText('Name of a blank flow')).toHaveAccessibleDescription('Give the flow a name.');
    expect(onCreateBlank).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Name of a blank flow'), 'Support');
    await userEvent.click(screen.getByRole('button', { name: 'Create blank flow' }));
    expect(onCreateBlank).toHaveBeenCalledWith('Support');
  });

  it('shows a taken name under the field', async () => {
    const onCreateBlank = () => Promise.reject(new Error('A flow called "Support" already exists.'));
    render(<NewFlowDialog open onClose={() => {}} onCreateBlank={onCreateBlank} onStarted={() => {}} />);
    await userEvent.type(screen.getByLabelText('Name of a blank flow'), 'Support{Enter}');
    expect(await screen.findByText('A flow called "Support" already exists.')).toBeInTheDocument();
  });

  it('offers the templates and starts the chosen one', async () => {
    const onStarted = vi.fn();
    render(<NewFlowDialog open onClose={() => {}} onCreateBlank={() => Promise.resolve()} onStarted={onStarted} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Use the FAQ template' }));
    expect(started).toEqual(['faq']);
    expect(onStarted).toHaveBeenCalledWith(expect.objectContaining({ flowId: 7 }));
    expect(screen.getByRole('button', { name: 'Use the Order status template' })).toBeInTheDocument();
  });
});
