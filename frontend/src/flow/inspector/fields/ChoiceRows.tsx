import { useState } from 'react';
import type { Option, Problem } from '../../model';
import { AttributeSelect } from './AttributeSelect';
import { DynamicRows, type DynamicRowsProps } from './DynamicRows';
import { OptionsEditor } from './OptionsEditor';
import { RowsMode } from './RowsMode';
import { fieldError } from './problems';

/** Props of ChoiceRows. */
export interface ChoiceRowsProps {
  /** "button" or "row": names things in labels. */
  kind: 'button' | 'row';
  node: DynamicRowsProps['node'];
  update: DynamicRowsProps['update'];
  problems: Problem[];
  /** The choices written in the node (buttons or rows). */
  options: Option[];
  onOptionsChange: (options: Option[], key?: string) => void;
  /** The data field the written choices are checked under, for their error. */
  optionsField: string;
  max: number;
  titleLimit: number;
  /** Shows a description input per choice (list rows). */
  descriptionLimit?: number;
  /** What the "Save the choice in" hint says is stored. */
  savedWhat: string;
}

/**
 * The choices of a buttons or list node: either written here (with where
 * the chosen title is saved) or one per item of a list attribute. The two
 * nodes differ only in nouns and WhatsApp's limits, so they share this.
 */
export function ChoiceRows({
  kind,
  node,
  update,
  problems,
  options,
  onOptionsChange,
  optionsField,
  max,
  titleLimit,
  descriptionLimit,
  savedWhat,
}: ChoiceRowsProps) {
  // The choice stays while no list is picked yet (rowsFrom is still empty).
  const [fromList, setFromList] = useState(node.data.rowsFrom !== '');
  return (
    <>
      <RowsMode
        kind={kind}
        fromList={fromList}
        onChange={(next) => {
          setFromList(next);
          if (!next) update({ rowsFrom: '' });
        }}
      />
      {fromList ? (
        <DynamicRows node={node} update={update} problems={problems} titleLimit={titleLimit} />
      ) : (
        <>
          <OptionsEditor
            kind={kind}
            options={options}
            max={max}
            titleLimit={titleLimit}
            descriptionLimit={descriptionLimit}
            onChange={onOptionsChange}
            error={fieldError(problems, optionsField)}
          />
          <AttributeSelect
            label="Save the choice in"
            optional
            value={node.data.attribute}
            onChange={(attribute) => update({ attribute })}
            placeholder="Don't save the choice"
            hint={`Optional: stores the title of ${savedWhat}.`}
            error={fieldError(problems, 'attribute')}
          />
        </>
      )}
    </>
  );
}
