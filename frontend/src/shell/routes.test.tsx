import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from './routes';

const Page = () => <p>the page</p>;

describe('lazyPage', () => {
  it('renders a preloaded page at once, without the loading fallback', async () => {
    const importer = vi.fn(() => Promise.resolve({ default: Page }));
    const page = lazyPage(importer);
    await page.preload();
    render(
      <Suspense fallback={<p>loading</p>}>
        <page.component />
      </Suspense>,
    );
    expect(screen.getByText('the page')).toBeInTheDocument();
    expect(screen.queryByText('loading')).toBeNull();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('loads a page that was not preloaded on first render, once', async () => {
    const importer = vi.fn(() => Promise.resolve({ default: Page }));
    const page = lazyPage(importer);
    render(
      <Suspense fallback={<p>loading</p>}>
        <page.component />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeInTheDocument();
    await act(async () => {
      await page.preload();
    });
    expect(await screen.findByText('the page')).toBeInTheDocument();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('tries a failed fetch again', async () => {
    const importer = vi
      .fn<() => Promise<{ default: typeof Page }>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ default: Page });
    const page = lazyPage(importer);
    await expect(page.preload()).rejects.toThrow('offline');
    await page.preload();
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
