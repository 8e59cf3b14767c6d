import { useState } from 'react';
import { useAttributeList } from '../../components/placeholder';
import { Badge, Button, Dialog, Select, TextField } from '../../components/ui';
import { Attributes, attribute } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { attributeTypes, nameProblem, typeLabel } from '../../components/attribute';
import { attributeNameFor, attributeTypeFor, type PathSample } from './model';
import { everyItemPath, pathInWords } from './pathWords';
import { Segmented } from './Segmented';
import styles from './ApiEditor.module.css';

/** Props of MapPathDialog. */
export interface MapPathDialogProps {
  sample: PathSample;
  /** The attribute the path is mapped to now, if any. */
  current?: string;
  onClose: () => void;
  /** Called with the attribute and the path to map (the picked one, or its every-item form). */
  onMap: (attribute: string, path: string) => void;
}

/**
 * Maps one response path to an attribute: pick an existing custom attribute
 * or create one right here (name and type suggested from the path and value).
 * The path is shown in words with its gjson syntax underneath; a value
 * inside a list can be mapped for that one item or for every item (a list).
 */
export function MapPathDialog({ sample: picked, current, onClose, onMap }: MapPathDialogProps) {
  const all = useAttributeList();
  const custom = all.filter((a) => !a.builtIn);
  const every = everyItemPath(picked.path);
  const [scope, setScope] = useState<'one' | 'every'>('one');
  const sample: PathSample =
    scope === 'every' && every !== null ? { path: every, sample: picked.sample, type: 'array', itemShape: picked.type } : picked;
  const suggested = attributeNameFor(picked.path);
  const exists = custom.find((a) => a.name === (current ?? suggested));
  const [mode, setMode] = useState<'existing' | 'new'>(exists !== undefined || (custom.length > 0 && current !== undefined) ? 'existing' : 'new');
  const [chosen, setChosen] = useState(exists?.name ?? current ?? '');
  const [name, setName] = useState(suggested);
  const [type, setType] = useState(attributeTypeFor(picked));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const problem = nameProblem(name, all.map((a) => a.name));

  const submit = async () => {
    setError('');
    if (mode === 'existing') {
      if (chosen === '') {
        setError('Choose an attribute.');
        return;
      }
      onMap(chosen, sample.path);
      return;
    }
    if (problem !== '') return;
    setBusy(true);
    try {
      const created = await Attributes.Create(
        attribute.Definition.createFrom({ name: name.trim(), type, description: `From the API response path ${sample.path}.`, builtIn: false }),
      );
      onMap(created.name, sample.path);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      modalOnly
      title="Map to an attribute"
      description="After each call the value at this path is saved in the attribute, ready for {{placeholders}} and conditions."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" loading={busy} onClick={() => void submit()}>
            {mode === 'new' ? 'Create and map' : 'Map'}
          </Button>
        </>
      }
    >
      <div className={styles.form}>
        <div className={styles.mapSource}>
          <span className={styles.mapWords}>
            <strong data-testid="map-path-words">{pathInWords(sample.path)}</strong>
            <code title="The path in gjson syntax, editable in the Mappings tab">{sample.path}</code>
          </span>
          <Badge>{scope === 'every' && every !== null ? 'list' : sample.type}</Badge>
          <span className={styles.sample}>{picked.sample}</span>
        </div>
        {every !== null && (
          <Segmented
            label="Which items"
            value={scope}
            onChange={(v) => {
              const next = v as 'one' | 'every';
              setScope(next);
              setType(next === 'every' ? 'list' : attributeTypeFor(picked));
            }}
            options={[
              { value: 'one', label: 'This item only' },
              { value: 'every', label: 'Every item (a list)' },
            ]}
          />
        )}
        <Segmented
          label="Attribute"
          value={mode}
          onChange={(m) => setMode(m as 'existing' | 'new')}
          options={[
            { value: 'new', label: 'New attribute' },
            { value: 'existing', label: 'Existing attribute' },
          ]}
        />
        {mode === 'existing' ? (
          <Select
            label="Attribute"
            value={chosen}
            placeholder={custom.length === 0 ? 'No attributes yet' : 'Choose an attribute…'}
            onChange={setChosen}
            options={custom.map((a) => ({ value: a.name, label: `${a.name} (${typeLabel(a.type)})` }))}
            error={error !== '' ? error : undefined}
          />
        ) : (
          <div className={styles.row2}>
            <TextField
              label="Name"
              mono
              data-autofocus
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setError('');
              }}
              error={problem !== '' ? problem : error !== '' ? error : undefined}
            />
            <Select
              label="Type"
              value={type}
              onChange={setType}
              options={attributeTypes.map((t) => ({ value: t.value, label: t.label }))}
            />
          </div>
        )}
      </div>
    </Dialog>
  );
}
