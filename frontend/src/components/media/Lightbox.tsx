import { Download, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import styles from './Attachment.module.css';

/** Props of Lightbox. */
export interface LightboxProps {
  src: string;
  alt: string;
  caption: string;
  downloadHref: string;
  onClose: () => void;
}

/** A picture over the whole window: Escape, the close button or a click beside it closes it. */
export function Lightbox({ src, alt, caption, downloadHref, onClose }: LightboxProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      previous?.focus();
    };
  }, [onClose]);
  return createPortal(
    <div
      className={styles.lightbox}
      role="dialog"
      aria-modal="true"
      aria-label={alt}
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className={styles.lightboxBar}>
        <a className={styles.lightboxButton} href={downloadHref} download>
          <Download size={16} aria-hidden="true" /> Download
        </a>
        <button ref={closeRef} type="button" className={styles.lightboxButton} onClick={onClose} aria-label="Close">
          <X size={18} aria-hidden="true" />
        </button>
      </div>
      <img className={styles.lightboxImage} src={src} alt={alt} />
      {caption !== '' && <p className={styles.lightboxCaption}>{caption}</p>}
    </div>,
    document.body,
  );
}
