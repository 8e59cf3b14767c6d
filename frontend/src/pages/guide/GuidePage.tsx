import { BookOpen } from 'lucide-react';
import type { ReactNode } from 'react';
import { Page } from '../../components/ui';
import { Markdown, type MarkdownOptions } from './markdown';
import { openExternal } from './openExternal';
import { guideImage } from './guideAssets';
import guide from '../../../../docs/whatsapp-setup.md?raw';
import styles from './GuidePage.module.css';

/** https links open in the system browser; links into the app stay in it; links to repository files are plain text. */
function guideLink(href: string, children: ReactNode, key: string): ReactNode {
  if (href.startsWith('#/')) {
    return (
      <a key={key} href={href}>
        {children}
      </a>
    );
  }
  if (/^https:\/\//.test(href)) {
    return (
      <a
        key={key}
        href={href}
        target="_blank"
        rel="noreferrer"
        onClick={(e) => {
          e.preventDefault();
          openExternal(href);
        }}
      >
        {children}
      </a>
    );
  }
  return <span key={key}>{children}</span>;
}

const options: MarkdownOptions = { image: guideImage, link: guideLink };

/**
 * The WhatsApp setup guide inside the app: the installed app has no
 * repository to open, so docs/whatsapp-setup.md and its screenshots are
 * bundled and rendered here (Settings links to it).
 */
export function GuidePage() {
  return (
    <Page title="Set up WhatsApp" icon={<BookOpen size={18} />} description="From a Meta app to a bot that answers on your phone, in about fifteen minutes.">
      <article className={styles.guide}>
        <Markdown source={guide} options={options} />
      </article>
    </Page>
  );
}
