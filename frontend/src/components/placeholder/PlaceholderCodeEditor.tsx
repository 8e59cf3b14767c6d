import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { lintGutter, linter } from '@codemirror/lint';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder as emptyText,
} from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { cx } from '../../lib/cx';
import { AttributePicker } from './AttributePicker';
import { useAttributeList } from './attributeList';
import { useCreateAttribute } from './useCreateAttribute';
import { editorTheme, lintJsonWithPlaceholders, placeholderHighlight, setKnownNames } from './codemirror';
import { placeholderFor, type AttributeOption } from './placeholders';
import { useSlashPicker, type SlashPicker } from './useSlashPicker';
import styles from './PlaceholderCodeEditor.module.css';

/** What the editor highlights and checks: JSON, form-urlencoded text, or plain text. */
export type CodeMode = 'json' | 'form' | 'text';

/** Props of PlaceholderCodeEditor. */
export interface PlaceholderCodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  mode: CodeMode;
  /** Accessible name of the editing area. */
  label: string;
  /** Shown when empty. */
  placeholder?: string;
  /** The attributes offered by the `/` picker; defaults to the app's list. */
  attributes?: AttributeOption[];
  className?: string;
}

function modeExtensions(mode: CodeMode): Extension {
  if (mode !== 'json') return [];
  return [json(), linter((view) => lintJsonWithPlaceholders(view.state.doc.toString()), { delay: 300 })];
}

/**
 * A CodeMirror 6 editor for request bodies: JSON highlighting and checking
 * (placeholders accepted where values go), placeholder highlighting, and the
 * same `/` attribute picker as PlaceholderInput.
 */
export function PlaceholderCodeEditor({
  value,
  onChange,
  mode,
  label,
  placeholder,
  attributes,
  className,
}: PlaceholderCodeEditorProps) {
  const fromStore = useAttributeList();
  const options = attributes ?? fromStore;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const modeSlot = useRef(new Compartment());
  const onChangeRef = useRef(onChange);

  const insert = (from: number, to: number, name: string) => {
    const view = viewRef.current;
    if (view === null) return;
    const text = name.startsWith('{{') ? name : placeholderFor(name);
    view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
    view.focus();
  };
  const creating = useCreateAttribute(insert);
  const picker = useSlashPicker(options, insert, creating.onCreate);
  const pickerRef = useRef<SlashPicker>(picker);
  useLayoutEffect(() => {
    pickerRef.current = picker;
    onChangeRef.current = onChange;
  });

  // Create the editor once; later props flow in through effects below.
  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const pickerKey = (key: string) => () => pickerRef.current.open && pickerRef.current.key(key);
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentOnInput(),
          bracketMatching(),
          lintGutter(),
          Prec.highest(
            keymap.of(['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].map((key) => ({ key, run: pickerKey(key) }))),
          ),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          modeSlot.current.of(modeExtensions(mode)),
          placeholderHighlight(),
          editorTheme(),
          emptyText(placeholder ?? ''),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.domEventHandlers({ blur: () => pickerRef.current.close() }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
            if (u.docChanged || u.selectionSet) {
              const caret = u.state.selection.main.head;
              // Only typing opens the picker (typedTrigger checks what was typed); a paste or an undo does not.
              const typed = u.transactions.some((tr) => tr.isUserEvent('input.type'));
              pickerRef.current.sync(u.state.doc.toString(), caret, typed, () => {
                const c = u.view.coordsAtPos(caret);
                return c === null ? null : { left: c.left, top: c.top, bottom: c.bottom };
              });
            }
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The editor is created once; value, mode and names are synced by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (view !== null && view.state.doc.toString() !== value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: modeSlot.current.reconfigure(modeExtensions(mode)) });
  }, [mode]);

  const names = options.map((a) => a.name).join('\n');
  useEffect(() => {
    viewRef.current?.dispatch({ effects: setKnownNames.of(new Set(names === '' ? [] : names.split('\n'))) });
  }, [names]);

  return (
    <div className={cx(styles.editor, className)}>
      <div ref={hostRef} className={styles.host} data-testid="code-editor" />
      <AttributePicker picker={picker} />
      {creating.dialog}
    </div>
  );
}
