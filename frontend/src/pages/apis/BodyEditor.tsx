import { WandSparkles } from 'lucide-react';
import { lintJsonWithPlaceholders, PlaceholderCodeEditor } from '../../components/placeholder';
import { Button } from '../../components/ui';
import { formatJsonBody } from './bodyFormat';
import type { Part } from './model';
import { PartsEditor } from './PartsEditor';
import { Segmented } from './Segmented';
import styles from './ApiEditor.module.css';

/** Props of BodyEditor. */
export interface BodyEditorProps {
  body: string;
  bodyType: string;
  parts: Part[];
  method: string;
  onChange: (body: string, bodyType: string) => void;
  onPartsChange: (parts: Part[]) => void;
}

/** What each body type does, said under the editor. */
const bodyHints: Record<string, string> = {
  json: 'Inside quotes a value is escaped for JSON; a number, yes/no or list attribute on its own is inserted bare.',
  form: 'Values are URL-encoded.',
  text: 'Sent exactly as typed, as text/plain unless a Content-Type header says otherwise.',
  multipart:
    'Sent as multipart/form-data. A File field sends a file of the conversation, such as {{message.media.path}} (the customer’s latest photo or document); no other file of this computer can be sent.',
};

/**
 * The Body tab: none, raw JSON (highlighted and checked), form-urlencoded
 * text, plain text, or multipart form fields with files.
 */
export function BodyEditor({ body, bodyType, parts, method, onChange, onPartsChange }: BodyEditorProps) {
  const problems = bodyType === 'json' ? lintJsonWithPlaceholders(body) : [];
  const formatted = bodyType === 'json' ? formatJsonBody(body) : null;
  const line = problems[0] === undefined ? 0 : body.slice(0, problems[0].from).split('\n').length;
  return (
    <div className={styles.bodyTab}>
      <div className={styles.bodyBar}>
        <Segmented
          label="Body type"
          value={bodyType}
          onChange={(t) => onChange(body, t)}
          options={[
            { value: 'none', label: 'None' },
            { value: 'json', label: 'JSON' },
            { value: 'form', label: 'Form URL-encoded' },
            { value: 'multipart', label: 'Multipart' },
            { value: 'text', label: 'Text' },
          ]}
        />
        {bodyType === 'json' && (
          <>
            <span className={problems.length === 0 ? styles.lintOk : styles.lintBad} role="status">
              {body.trim() === '' ? 'Empty' : problems.length === 0 ? 'Valid JSON' : `Line ${line}: ${problems[0]?.message}`}
            </span>
            <Button
              size="sm"
              variant="ghost"
              icon={<WandSparkles size={14} />}
              disabled={formatted === null || formatted === body}
              onClick={() => formatted !== null && onChange(formatted, bodyType)}
            >
              Format
            </Button>
          </>
        )}
      </div>
      {bodyType === 'none' ? (
        <p className={styles.muted}>
          {method === 'GET' || method === 'DELETE'
            ? `${method} requests usually have no body.`
            : 'This request has no body. Choose JSON, a form, multipart fields or text to add one.'}
        </p>
      ) : bodyType === 'multipart' ? (
        <PartsEditor parts={parts} onChange={onPartsChange} />
      ) : (
        <PlaceholderCodeEditor
          label="Request body"
          mode={bodyType === 'json' ? 'json' : 'text'}
          value={body}
          onChange={(b) => onChange(b, bodyType)}
          placeholder={bodyType === 'json' ? '{ "order": "{{order_id}}" }' : 'name={{contact.name}}&phone={{contact.phone}}'}
          className={styles.code}
        />
      )}
      {bodyType !== 'none' && (
        <p className={styles.muted}>
          Type <kbd>/</kbd> to insert an attribute. {bodyHints[bodyType] ?? ''}
        </p>
      )}
    </div>
  );
}
