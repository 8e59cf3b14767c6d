import type { DataByType, NodeType, PaletteGroup } from '../catalogue.gen';

/**
 * The shapes of the node type definitions generated from Go (catalogue.gen.ts,
 * written by `go generate ./...` from backend/flow's node_<type>.go files).
 * They mirror flow.Def, Field and OutputRule; see docs/architecture.md, "How to
 * add a node type".
 */

/** A data field's JSON name within a node type's data. */
export type FieldName<T extends NodeType> = keyof DataByType[T] & string;

/**
 * What a data field holds (Go's flow.FieldKind). Every text-like kind is a
 * string in the editor; the kind says how Go treats it (placeholders, attribute
 * and API names, expressions).
 */
export type FieldKind =
  | 'text'
  | 'template'
  | 'itemTemplate'
  | 'attribute'
  | 'expression'
  | 'api'
  | 'choice'
  | 'number'
  | 'texts'
  | 'templates'
  | 'options';

/** One data field of a node type. */
export interface FieldDef<T extends NodeType> {
  name: FieldName<T>;
  kind: FieldKind;
  /** The values of a choice; a stored value outside them reads as the first. */
  choices?: readonly string[];
  /** Entries a list of texts never holds because the node adds them itself. */
  reserved?: readonly string[];
}

/** One fixed output handle and the words drawn beside it ("" draws a bare handle). */
export interface FixedOutput {
  id: string;
  label: string;
}

/** One output handle per entry of a list field. */
export interface OutputsFrom<T extends NodeType> {
  from: FieldName<T>;
  /** The members of an object entry giving the handle and its label; a text entry is both. */
  idKey?: string;
  labelKey?: string;
  /** The label of an entry whose label is blank. */
  untitled?: string;
  /** Entries that are not handles of their own. */
  skip?: readonly string[];
}

/** One step in building a node's output handles. */
export type OutputRule<T extends NodeType> = FixedOutput | OutputsFrom<T>;

/** Other outputs while the field `when` is set (not empty, not zero). */
export interface OutputVariant<T extends NodeType> {
  when: FieldName<T>;
  outputs: readonly OutputRule<T>[];
}

/** The definition of one node type (Go's flow.Def). */
export interface NodeDef<T extends NodeType> {
  type: T;
  label: string;
  /** One sentence for the palette tooltip. */
  description: string;
  group: PaletteGroup;
  /** False for the start node, which nothing leads into. */
  hasInput: boolean;
  /** True for nodes that pause until the customer answers. */
  waitsForInput: boolean;
  /** A flow has at most one node of this type (start). */
  single: boolean;
  /** The data fields, in inspector order. */
  fields: readonly FieldDef<T>[];
  /** The data of a freshly dropped node (a new object on every call). */
  defaults: () => DataByType[T];
  /** How the output handles are built, in drawing order. */
  outputRules: readonly OutputRule<T>[];
  /** Replace outputRules while their field is set; the first match wins. */
  outputVariants: readonly OutputVariant<T>[];
}
