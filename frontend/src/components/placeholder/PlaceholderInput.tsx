import { Eye, EyeOff } from 'lucide-react';
import { useLayoutEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { cx } from '../../lib/cx';
import { AttributePicker } from './AttributePicker';
import { useAttributeList } from './attributeList';
import { useCreateAttribute } from './useCreateAttribute';
import { insertPlaceholder, isKnownName, splitPlaceholders, type AttributeOption } from './placeholders';
import { useSlashPicker, type PickerAnchor } from './useSlashPicker';
import styles from './PlaceholderInput.module.css';

/** Props of PlaceholderInput: a one-line text field that understands {{attribute}} placeholders. */
export interface PlaceholderInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'size'> {
  value: string;
  onChange: (value: string) => void;
  /** The attributes offered by the `/` picker; defaults to the app's list. */
  attributes?: AttributeOption[];
  /** Masks the value (API keys, tokens, passwords) with a button to reveal it. */
  secret?: boolean;
  /** Uses the monospace font (URLs, header values). */
  mono?: boolean;
  /** Marks the field invalid (red border). */
  invalid?: boolean;
  /** Class of the outer wrapper (width, grid placement). */
  wrapperClassName?: string;
}

/**
 * A text input in which {{placeholders}} are highlighted (unknown names in red)
 * and typing "/" where a placeholder can start (not inside a URL or a word)
 * opens the attribute picker that inserts one, or creates it. Secret fields
 * are masked until revealed; the picker works in them too.
 */
export function PlaceholderInput({
  value,
  onChange,
  attributes,
  secret = false,
  mono = false,
  invalid = false,
  wrapperClassName,
  className,
  onKeyDown,
  onBlur,
  disabled,
  ...rest
}: PlaceholderInputProps) {
  const fromStore = useAttributeList();
  const options = attributes ?? fromStore;
  const inputRef = useRef<HTMLInputElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLSpanElement>(null);
  const triggerTyped = useRef(false);
  const pendingCaret = useRef<number | null>(null);
  const [revealed, setRevealed] = useState(false);
  const masked = secret && !revealed;
  const known = new Set(options.map((a) => a.name));

  const insert = (from: number, to: number, name: string) => {
    const next = insertPlaceholder(value, from, to, name);
    pendingCaret.current = next.caret;
    onChange(next.text);
  };
  const creating = useCreateAttribute(insert);
  const picker = useSlashPicker(options, insert, creating.onCreate);

  // Put the caret after an inserted placeholder and keep the highlight aligned.
  useLayoutEffect(() => {
    const input = inputRef.current;
    if (input === null) return;
    if (pendingCaret.current !== null) {
      input.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
    if (backdropRef.current !== null) backdropRef.current.scrollLeft = input.scrollLeft;
  }, [value]);

  const caretAnchor = (): PickerAnchor | null => {
    const input = inputRef.current;
    if (input === null) return null;
    const r = input.getBoundingClientRect();
    const measure = measureRef.current;
    let x = 10;
    if (measure !== null && !masked) {
      measure.textContent = input.value.slice(0, input.selectionStart ?? input.value.length);
      x = 10 + measure.offsetWidth - input.scrollLeft;
    }
    return { left: r.left + Math.min(Math.max(x, 0), r.width), top: r.top, bottom: r.bottom };
  };

  const handleKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (picker.open && picker.key(e.key)) {
      e.preventDefault();
      return;
    }
    // A typed "/" or "{" may open the picker (typedTrigger decides).
    triggerTyped.current = e.key === '/' || e.key === '{';
    onKeyDown?.(e);
  };

  return (
    <div className={cx(styles.wrap, invalid && styles.invalid, disabled === true && styles.disabled, wrapperClassName)}>
      {!masked && (
        <div ref={backdropRef} className={cx(styles.backdrop, mono && styles.mono)} aria-hidden="true">
          {splitPlaceholders(value).map((s, i) =>
            s.name === undefined ? (
              <span key={i}>{s.text}</span>
            ) : (
              <mark key={i} className={cx(styles.placeholder, !isKnownName(s.name, known) && options.length > 0 && styles.unknown)}>
                {s.text}
              </mark>
            ),
          )}
          {'\u200b'}
        </div>
      )}
      <span ref={measureRef} className={cx(styles.measure, mono && styles.mono)} aria-hidden="true" />
      <input
        ref={inputRef}
        type={masked ? 'password' : 'text'}
        className={cx(styles.input, mono && styles.mono, secret && styles.withToggle, className)}
        value={value}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={picker.open}
        aria-controls={picker.open ? picker.listId : undefined}
        aria-activedescendant={picker.open ? `${picker.listId}-${picker.active}` : undefined}
        onChange={(e) => {
          const typed = triggerTyped.current;
          triggerTyped.current = false;
          onChange(e.target.value);
          picker.sync(e.target.value, e.target.selectionStart ?? e.target.value.length, typed, caretAnchor);
        }}
        onKeyDown={handleKeyDown}
        onSelect={(e) => {
          const input = e.currentTarget;
          if (backdropRef.current !== null) backdropRef.current.scrollLeft = input.scrollLeft;
          if (picker.open) picker.sync(input.value, input.selectionStart ?? 0, false, caretAnchor);
        }}
        onScroll={(e) => {
          if (backdropRef.current !== null) backdropRef.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
        {...rest}
        onBlur={(e) => {
          picker.close();
          onBlur?.(e);
        }}
      />
      {secret && (
        <button
          type="button"
          className={styles.reveal}
          aria-label={revealed ? 'Hide value' : 'Show value'}
          title={revealed ? 'Hide value' : 'Show value'}
          aria-pressed={revealed}
          onClick={() => setRevealed((r) => !r)}
        >
          {revealed ? <EyeOff size={14} /> : <Eye size={14} />}
        </button>
      )}
      <AttributePicker picker={picker} />
      {creating.dialog}
    </div>
  );
}
