import { useId, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
// The placeholder modules one by one, not the folder's index: that also
// exports the JSON body editor, and importing it put CodeMirror (366 KB) on
// the flow editor's load path (docs/performance.md).
import { AttributePicker } from '../../../components/placeholder/AttributePicker';
import { useAttributeList } from '../../../components/placeholder/attributeList';
import { PlaceholderInput } from '../../../components/placeholder/PlaceholderInput';
import {
  insertPlaceholder,
  isKnownName,
  splitPlaceholders,
  withFormats,
  type AttributeOption,
} from '../../../components/placeholder/placeholders';
import { useSlashPicker } from '../../../components/placeholder/useSlashPicker';
import { useCreateAttribute } from '../../../components/placeholder/useCreateAttribute';
import { Field } from '../../../components/ui';
import { cx } from '../../../lib/cx';
import { charCount } from './problems';
import styles from './fields.module.css';

/** Props of TemplateField. */
export interface TemplateFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A single line (the shared PlaceholderInput) instead of a text area. */
  singleLine?: boolean;
  rows?: number;
  /** WhatsApp's limit for this text; shows a counter that turns red past it. */
  limit?: number;
  hint?: string;
  error?: string;
  placeholder?: string;
  /** Uses the monospace font (URLs). */
  mono?: boolean;
  /**
   * Names the text may use besides the attributes, offered first by the `/`
   * picker: {{item}} and {{index}} in a row template.
   */
  extraNames?: AttributeOption[];
}

/**
 * A message text that accepts {{attribute}} placeholders: they are
 * highlighted (unknown names in red) and typing `/` opens the app's attribute
 * picker (components/placeholder), the same as in the API editor.
 */
export function TemplateField({
  label,
  value,
  onChange,
  singleLine,
  rows = 3,
  limit,
  hint,
  error,
  placeholder,
  mono,
  extraNames,
}: TemplateFieldProps) {
  const id = useId();
  const attributes = useAttributeList();
  const count = charCount(value);
  const over = limit !== undefined && count > limit;
  const invalid = error !== undefined;
  return (
    <Field
      id={id}
      label={
        <span className={styles.labelRow}>
          {label}
          {limit !== undefined && (
            <span className={cx(styles.counter, over && styles.counterOver)}>
              {count}/{limit}
            </span>
          )}
        </span>
      }
      hint={hint ?? 'Type / to insert an attribute.'}
      error={error}
    >
      {singleLine === true ? (
        <PlaceholderInput
          id={id}
          value={value}
          onChange={onChange}
          placeholder={placeholder}
          mono={mono}
          invalid={invalid}
          attributes={extraNames === undefined ? undefined : withFormats([...extraNames, ...attributes], false)}
        />
      ) : (
        <TemplateArea id={id} value={value} onChange={onChange} rows={rows} placeholder={placeholder} invalid={invalid} />
      )}
    </Field>
  );
}

/** A text area with highlighted placeholders and the `/` picker. */
function TemplateArea({
  id,
  value,
  onChange,
  rows,
  placeholder,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  rows: number;
  placeholder?: string;
  invalid: boolean;
}) {
  const attributes = useAttributeList();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const triggerTyped = useRef(false);
  // Inside a {{#each}} loop, {{item}} and {{index}} are the loop's item.
  const loopNames = /\{\{\s*#each\b/.test(value) ? ['item', 'index'] : [];
  const known = new Set([...attributes.map((a) => a.name), ...loopNames]);
  const offered = useMemo(() => withFormats(attributes, true), [attributes]);
  const insert = (from: number, to: number, name: string) => {
    const next = insertPlaceholder(value, from, to, name);
    pendingCaret.current = next.caret;
    onChange(next.text);
  };
  const creating = useCreateAttribute(insert);
  const picker = useSlashPicker(offered, insert, creating.onCreate);

  useLayoutEffect(() => {
    const area = areaRef.current;
    if (area === null) return;
    if (pendingCaret.current !== null) {
      area.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
    if (backdropRef.current !== null) backdropRef.current.scrollTop = area.scrollTop;
  }, [value]);

  const anchor = () => {
    const r = areaRef.current?.getBoundingClientRect();
    return r === undefined ? null : { left: r.left + 10, top: r.top, bottom: r.bottom };
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (picker.open && picker.key(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    // A typed "/" or "{" may open the picker (typedTrigger decides).
    triggerTyped.current = e.key === '/' || e.key === '{';
  };

  return (
    <div className={cx(styles.areaWrap, invalid && styles.areaInvalid)}>
      <div ref={backdropRef} className={styles.backdrop} aria-hidden="true">
        {splitPlaceholders(value).map((s, i) =>
          s.name === undefined ? (
            <span key={i}>{s.text}</span>
          ) : (
            <mark key={i} className={cx(styles.mark, !isKnownName(s.name, known) && attributes.length > 0 && styles.markUnknown)}>
              {s.text}
            </mark>
          ),
        )}
        {'\u200b'}
      </div>
      <textarea
        ref={areaRef}
        id={id}
        rows={rows}
        className={styles.area}
        value={value}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-autocomplete="list"
        aria-expanded={picker.open}
        aria-controls={picker.open ? picker.listId : undefined}
        aria-activedescendant={picker.open ? `${picker.listId}-${picker.active}` : undefined}
        onChange={(e) => {
          const typed = triggerTyped.current;
          triggerTyped.current = false;
          onChange(e.target.value);
          picker.sync(e.target.value, e.target.selectionStart ?? e.target.value.length, typed, anchor);
        }}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          if (backdropRef.current !== null) backdropRef.current.scrollTop = e.currentTarget.scrollTop;
        }}
        onBlur={() => picker.close()}
      />
      <AttributePicker picker={picker} />
      {creating.dialog}
    </div>
  );
}
