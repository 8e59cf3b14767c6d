import { RefreshCw } from 'lucide-react';
import { Button, Select } from '../../../components/ui';
import {
  languageName,
  mediaHeader,
  paramLabel,
  quickReplies,
  sendable,
  statusInfo,
  templateParameters,
} from '../../../components/template/model';
import { TemplatePreview } from '../../../components/template/TemplatePreview';
import { findTemplate } from '../../../components/template/templateListStore';
import { useTemplateList } from '../../../components/template/templateList';
import { TemplateField } from '../../inspector/fields/TemplateField';
import { fieldError } from '../../inspector/fields/problems';
import { nodeLimits } from '../catalogue.gen';
import type { InspectorProps } from '../shared/inspector';
import { nodeValues, resizeParameters } from './fill';
import styles from './TemplateInspector.module.css';

const limits = nodeLimits.template;
const keyOf = (name: string, language: string) => `${name}\u0000${language}`;
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Edits a template node: the synced template and language it sends, one
 * text per parameter (with the `/` attribute picker), the header's media
 * link, and its quick replies, which are the node's outputs.
 */
export function TemplateInspector({ node, update, problems }: InspectorProps<'template'>) {
  const d = node.data;
  const templates = useTemplateList((s) => s.templates);
  const status = useTemplateList((s) => s.status);
  const listError = useTemplateList((s) => s.error);
  const current = findTemplate(templates, d.template, d.language);

  const choose = (value: string) => {
    const t = templates.find((x) => keyOf(x.name, x.language) === value);
    if (t === undefined) return;
    update({
      template: t.name,
      language: t.language,
      parameters: resizeParameters(t, d.parameters),
      headerMediaUrl: mediaHeader(t) === '' ? '' : d.headerMediaUrl,
      quickReplies: quickReplies(t),
    });
  };

  const options = templates.map((t) => ({
    value: keyOf(t.name, t.language),
    label: `${t.name} · ${languageName(t.language)}${sendable(t) ? '' : ` (${statusInfo(t).label.toLowerCase()})`}`,
  }));
  if (d.template !== '' && current === undefined) {
    options.unshift({ value: keyOf(d.template, d.language), label: `${d.template} · ${d.language} · not synced` });
  }
  const labels = current === undefined ? d.parameters.map((_, i) => `Parameter ${i + 1}`) : templateParameters(current).map(paramLabel);
  const examples = current === undefined ? [] : templateParameters(current).map((p) => p.example);
  const media = current === undefined ? '' : mediaHeader(current);
  const setParameter = (i: number, v: string) => {
    const next = [...d.parameters];
    next[i] = v;
    update({ parameters: next }, `parameter${i}`);
  };
  return (
    <>
      <Select
        label="Template"
        value={d.template === '' ? '' : keyOf(d.template, d.language)}
        onChange={choose}
        options={options}
        placeholder={status === 'loading' ? 'Loading templates…' : 'Choose a template…'}
        required
        hint={
          listError !== '' ? (
            listError
          ) : status === 'ready' && templates.length === 0 ? (
            <>
              No templates synced yet. <a href="#/templates">Sync them on the Templates page.</a>
            </>
          ) : (
            'Approved templates reach customers at any time, also after the 24-hour window.'
          )
        }
        error={fieldError(problems, 'template') ?? fieldError(problems, 'language')}
      />
      {current !== undefined && !same(quickReplies(current), d.quickReplies) && (
        <div className={styles.notice} role="note">
          <span>The template&apos;s quick replies changed since this node was set up.</span>
          <Button size="sm" icon={<RefreshCw size={14} />} onClick={() => update({ quickReplies: quickReplies(current) })}>
            Update outputs
          </Button>
        </div>
      )}
      {media !== '' && (
        <TemplateField
          label={`Header ${media} link`}
          singleLine
          mono
          value={d.headerMediaUrl}
          onChange={(headerMediaUrl) => update({ headerMediaUrl }, 'headerMediaUrl')}
          placeholder="https://shop.example/{{order_id}}.jpg"
          hint={`A public https:// address of the ${media} WhatsApp shows above the text.`}
          error={fieldError(problems, 'headerMediaUrl')}
        />
      )}
      {labels.map((label, i) => (
        <TemplateField
          key={label}
          label={label}
          singleLine
          value={d.parameters[i] ?? ''}
          limit={limits.parameter}
          onChange={(v) => setParameter(i, v)}
          placeholder={examples[i] !== undefined && examples[i] !== '' ? `e.g. ${examples[i]} or {{order_id}}` : '{{order_id}}'}
          hint={i === 0 ? 'Type / to insert an attribute.' : undefined}
        />
      ))}
      {fieldError(problems, 'parameters') !== undefined && (
        <p className={styles.error} role="alert">
          {fieldError(problems, 'parameters')}
        </p>
      )}
      {fieldError(problems, 'quickReplies') !== undefined && (
        <p className={styles.error} role="alert">
          {fieldError(problems, 'quickReplies')}
        </p>
      )}
      {current !== undefined && (
        <>
          <TemplatePreview template={current} values={nodeValues(current, d.parameters)} headerMediaUrl={d.headerMediaUrl} />
          <p className={styles.note}>
            {d.quickReplies.length === 0
              ? 'After sending, the flow goes on along “Other answer”.'
              : 'Each quick reply is an output. Connect one and the flow waits for the tap; any other answer takes “Other answer”.'}
          </p>
        </>
      )}
    </>
  );
}

