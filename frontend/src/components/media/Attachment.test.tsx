import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Attachment } from './Attachment';
import type { AttachmentView } from './media';

const key = 'cd'.repeat(32);
const base: AttachmentView = {
  kind: 'image',
  state: 'done',
  key,
  name: 'photo.jpg',
  size: 2048,
  mime: 'image/jpeg',
  error: '',
  attempts: 0,
  link: '',
  caption: '',
};

describe('Attachment', () => {
  it('shows a photo that opens in a lightbox, closed by Escape', async () => {
    const user = userEvent.setup();
    render(<Attachment a={base} caption="The damaged box" from="Ana" />);
    const thumb = screen.getByRole('button', { name: 'Open the photo' });
    expect(screen.getByRole('img', { name: 'Photo from Ana' })).toHaveAttribute('src', `media/${key}?name=photo.jpg`);
    await user.click(thumb);
    const box = screen.getByRole('dialog', { name: 'Photo from Ana' });
    expect(box).toHaveTextContent('The damaged box');
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute('href', `media/${key}?name=photo.jpg&download=1`);
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(thumb).toHaveFocus();
  });

  it('shows any other file as its name and size with a download', () => {
    render(<Attachment a={{ ...base, kind: 'document', name: 'invoice 4411.pdf', mime: 'application/pdf', size: 250_000 }} />);
    const link = screen.getByRole('link', { name: /invoice 4411\.pdf/ });
    expect(link).toHaveTextContent('PDF · 244 KB');
    expect(link).toHaveAttribute('href', `media/${key}?name=invoice+4411.pdf&download=1`);
  });

  it('leaves out a size it does not know (a file the bot sent)', () => {
    render(<Attachment a={{ ...base, kind: 'document', name: 'spring-menu.pdf', mime: '', size: 0 }} />);
    expect(screen.getByRole('link', { name: /spring-menu\.pdf/ })).toHaveTextContent(/PDF$/);
  });

  it('says when a file is on its way or could not be kept', () => {
    const { rerender } = render(<Attachment a={{ ...base, state: 'pending', key: '' }} />);
    expect(screen.getByTestId('attachment-pending')).toHaveTextContent('Downloading the photo…');
    rerender(<Attachment a={{ ...base, state: 'pending', key: '', error: 'Rate limit hit', attempts: 2 }} />);
    expect(screen.getByTestId('attachment-pending')).toHaveTextContent('Retrying the download of the photo (attempt 3): Rate limit hit');
    rerender(<Attachment a={{ ...base, kind: 'document', state: 'failed', key: '', error: 'application/zip files are not accepted as a document' }} />);
    expect(screen.getByTestId('attachment-failed')).toHaveTextContent(
      'The document was not downloaded: application/zip files are not accepted as a document',
    );
  });
});
