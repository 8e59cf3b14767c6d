/**
 * CodeMirror 6 pieces for bodies with {{placeholders}}: highlighting of
 * placeholders (unknown names marked), a JSON linter that accepts a
 * placeholder wherever a value may stand, and a theme drawn from the app's
 * design tokens so light and dark follow the system.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Diagnostic } from '@codemirror/lint';
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { checkJson } from './jsonCheck';
import { placeholderPattern } from './placeholders';

/** Replaces the set of attribute names the highlighter treats as known. */
export const setKnownNames = StateEffect.define<ReadonlySet<string>>();

/** The attribute names currently known; an empty set marks nothing unknown. */
export const knownNamesField = StateField.define<ReadonlySet<string>>({
  create: () => new Set(),
  update: (value, tr) => {
    for (const e of tr.effects) {
      if (e.is(setKnownNames)) return e.value;
    }
    return value;
  },
});

const knownMark = Decoration.mark({ class: 'cm-attr-placeholder' });
const unknownMark = Decoration.mark({ class: 'cm-attr-placeholder cm-attr-unknown' });

const decorator = new MatchDecorator({
  regexp: new RegExp(placeholderPattern.source, 'g'),
  decoration: (match, view) => {
    const known = view.state.field(knownNamesField);
    return known.size === 0 || known.has(match[1] ?? '') ? knownMark : unknownMark;
  },
});

const highlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorator.createDeco(view);
    }
    update(update: ViewUpdate) {
      const namesChanged = update.transactions.some((tr) => tr.effects.some((e) => e.is(setKnownNames)));
      this.decorations = namesChanged
        ? decorator.createDeco(update.view)
        : decorator.updateDeco(update, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);

/** Highlights {{placeholders}}; dispatch setKnownNames to mark unknown ones. */
export function placeholderHighlight(): Extension {
  return [knownNamesField, highlighter];
}

/**
 * Checks a JSON body in which placeholders may stand for values: each one
 * is replaced by a same-length stand-in (`0` and spaces) so positions stay
 * right, then the text is parsed. Returns at most one diagnostic.
 */
export function lintJsonWithPlaceholders(text: string): Diagnostic[] {
  if (text.trim() === '') return [];
  const standIn = text.replace(new RegExp(placeholderPattern.source, 'g'), (m) => '0' + ' '.repeat(m.length - 1));
  const problem = checkJson(standIn);
  if (problem === null) return [];
  const pos = Math.min(problem.pos, text.length);
  return [{ from: pos, to: Math.min(pos + 1, text.length), severity: 'error', message: `Not valid JSON: ${problem.message}.` }];
}

/** JSON token colours from the design tokens. */
const jsonColours = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--info-text)' },
  { tag: tags.string, color: 'var(--success-text)' },
  { tag: tags.number, color: 'var(--warning-text)' },
  { tag: [tags.bool, tags.null], color: 'var(--danger-text)' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--text-muted)' },
]);

/** The editor's look: app fonts and colours, placeholder marks, lint marks. */
export function editorTheme(): Extension {
  return [
    syntaxHighlighting(jsonColours),
    EditorView.theme({
      '&': {
        height: '100%',
        fontSize: 'var(--text-sm)',
        color: 'var(--text)',
        backgroundColor: 'var(--bg-input)',
      },
      '&.cm-focused': { outline: 'none' },
      '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
      '.cm-content': { caretColor: 'var(--text)', padding: '8px 0' },
      '.cm-cursor': { borderLeftColor: 'var(--text)' },
      '.cm-gutters': {
        backgroundColor: 'var(--bg-subtle)',
        color: 'var(--text-faint)',
        border: 'none',
        borderRight: '1px solid var(--border)',
      },
      '.cm-activeLine': { backgroundColor: 'var(--bg-hover)' },
      '.cm-activeLineGutter': { backgroundColor: 'var(--bg-active)', color: 'var(--text-muted)' },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
        backgroundColor: 'var(--accent-soft) !important',
      },
      '.cm-attr-placeholder': {
        backgroundColor: 'var(--accent-soft)',
        color: 'var(--accent-text)',
        borderRadius: '3px',
        boxShadow: '0 0 0 1px color-mix(in srgb, var(--accent) 35%, transparent)',
      },
      '.cm-attr-unknown': {
        backgroundColor: 'var(--danger-soft)',
        color: 'var(--danger-text)',
        boxShadow: '0 0 0 1px color-mix(in srgb, var(--danger) 40%, transparent)',
      },
      '.cm-tooltip': {
        border: '1px solid var(--border)',
        backgroundColor: 'var(--bg-surface)',
        color: 'var(--text)',
        borderRadius: 'var(--radius-md)',
      },
      '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
      '.cm-lintRange-error': {
        backgroundImage: 'none',
        textDecoration: 'underline wavy var(--danger)',
        textUnderlineOffset: '3px',
      },
      '.cm-placeholder': { color: 'var(--text-faint)' },
    }),
  ];
}
