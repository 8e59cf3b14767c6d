import { useState } from 'react';
import { Button, Dialog, Select, TextArea, TextField } from '../ui';
import { Attributes, attribute, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { attributeTypes, nameProblem } from './validation';

/** Props of AttributeDialog. */
export interface AttributeDialogProps {
  open: boolean;
  /** The attribute being edited; undefined creates a new one. */
  editing?: app.AttributeInfo;
  /** Names already taken, for checking while typing. */
  taken: string[];
  /** A name to start with (e.g. typed in a mapping picker). */
  initialName?: string;
  onClose: () => void;
  onSaved: (saved: app.AttributeInfo) => void;
}

/** Creates an attribute, or renames, retypes and re-describes one, with inline errors. */
export function AttributeDialog({ open, editing, taken, initialName, onClose, onSaved }: AttributeDialogProps) {
  const [name, setName] = useState(editing?.name ?? initialName ?? '');
  const [type, setType] = useState(editing?.type ?? 'text');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState('');
  const [saving, setSaving] = useState(false);

  const others = taken.filter((t) => t !== editing?.name);
  const problem = nameProblem(name, others);
  const renaming = editing !== undefined && name.trim() !== editing.name;
  const used = editing !== undefined && editing.usedBy.length > 0;
  const typeHint = attributeTypes.find((t) => t.value === type)?.hint;

  const save = async () => {
    setTouched(true);
    if (problem !== '') return;
    setSaving(true);
    setServerError('');
    try {
      const def = attribute.Definition.createFrom({ name: name.trim(), type, description: description.trim(), builtIn: false });
      const saved = editing === undefined ? await Attributes.Create(def) : await Attributes.Update(editing.name, def);
      onSaved(saved);
    } catch (err) {
      setServerError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      modalOnly
      title={editing === undefined ? 'New attribute' : `Edit ${editing.name}`}
      description="Attributes hold what a flow learns about a contact; use them as {{placeholders}}."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" loading={saving} onClick={() => void save()}>
            {editing === undefined ? 'Create attribute' : 'Save changes'}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: 'var(--space-4)' }}
      >
        <TextField
          label="Name"
          mono
          data-autofocus
          value={name}
          placeholder="order_id"
          onChange={(e) => {
            setName(e.target.value);
            setTouched(true);
            setServerError('');
          }}
          error={touched && problem !== '' ? problem : serverError !== '' ? serverError : undefined}
          hint={
            renaming && used
              ? `Renaming updates ${editing.usedBy.length === 1 ? 'the place' : `all ${editing.usedBy.length} places`} that use it.`
              : 'Letters, digits and underscores, like order_id.'
          }
        />
        <Select
          label="Type"
          value={type}
          onChange={setType}
          options={attributeTypes.map((t) => ({ value: t.value, label: t.label }))}
          hint={
            editing !== undefined && editing.type !== type && editing.valueCount > 0
              ? `The values of ${editing.valueCount} contact${editing.valueCount === 1 ? '' : 's'} will be converted.`
              : typeHint
          }
        />
        <TextArea
          label="Description"
          rows={3}
          value={description}
          placeholder="What it holds and where it comes from."
          onChange={(e) => setDescription(e.target.value)}
        />
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </form>
    </Dialog>
  );
}
