import { AlertTriangle, CircleSlash, Clock, HardDrive, Send } from 'lucide-react';
import { useState } from 'react';
import { Badge, EmptyState, Spinner, Tabs } from '../../components/ui';
import type { ResponseShown } from './apisStore';
import { JsonTree } from './JsonTree';
import { formatBytes, formatDuration, prettyJson, statusTone, type Mapping, type PathSample } from './model';
import { Segmented } from './Segmented';
import { StructureList } from './StructureList';
import styles from './ResponseView.module.css';

const reasons: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Props of ResponseView. */
export interface ResponseViewProps {
  response: ResponseShown;
  testing: boolean;
  mappings: Mapping[];
  onPickPath: (sample: PathSample) => void;
}

/**
 * The tester's response: status, time and size, then the body as a JSON tree
 * or raw text, the headers, the structure to map from, and the request as it
 * was sent (secrets masked).
 */
export function ResponseView({ response, testing, mappings, onPickPath }: ResponseViewProps) {
  const [tab, setTab] = useState('body');
  const [view, setView] = useState('tree');

  if (testing) {
    return (
      <div className={styles.waiting} role="status">
        <Spinner size={18} />
        Waiting for the API…
      </div>
    );
  }
  if (response === null) {
    return (
      <EmptyState compact icon={<Send size={20} />} title="No response yet">
        Fill in the test values and press <strong>Test</strong> (Ctrl+Enter) to send the request from Chatflow. The response and its
        structure appear here.
      </EmptyState>
    );
  }

  const result = response.kind === 'test' ? response.result : null;
  const body = response.kind === 'test' ? response.result.body : response.body;
  const isJson = response.kind === 'test' ? response.result.bodyIsJSON : body !== '';
  const structure = response.kind === 'test' ? response.result.structure : response.structure;
  const tabs = [
    { id: 'body', label: 'Body' },
    ...(result === null ? [] : [{ id: 'headers', label: 'Headers', badge: result.headers.length }]),
    { id: 'structure', label: 'Structure', badge: structure.length },
    ...(result === null ? [] : [{ id: 'request', label: 'Request' }]),
  ];
  const current = tabs.some((t) => t.id === tab) ? tab : 'body';

  return (
    <div className={styles.response} data-testid="response-pane">
      <div className={styles.statusBar} data-testid="response-status">
        {result === null ? (
          <span className={styles.sampleNote}>Sample saved with this API — test again to refresh it.</span>
        ) : (
          <>
            {result.status === 0 ? (
              <Badge tone="danger" dot>
                <CircleSlash size={12} aria-hidden="true" /> No response
              </Badge>
            ) : (
              <Badge tone={statusTone(result.status)} dot mono>
                {result.status} {reasons[result.status] ?? ''}
              </Badge>
            )}
            <span className={styles.metric}>
              <Clock size={13} aria-hidden="true" />
              {formatDuration(result.durationMs)}
            </span>
            <span className={styles.metric}>
              <HardDrive size={13} aria-hidden="true" />
              {formatBytes(result.size)}
            </span>
            {result.missing.length > 0 && (
              <span className={styles.warn}>
                <AlertTriangle size={13} aria-hidden="true" />
                No test value for {result.missing.map((m) => `{{${m}}}`).join(', ')}
              </span>
            )}
          </>
        )}
      </div>
      {result !== null && result.error !== '' && (
        <div className={styles.error} role="alert">
          {result.error}
        </div>
      )}
      {result !== null && result.mappingErrors.length > 0 && (
        <ul className={styles.mappingErrors}>
          {result.mappingErrors.map((e) => (
            <li key={`${e.path}-${e.attribute}`}>{e.message}</li>
          ))}
        </ul>
      )}
      <Tabs label="Response" items={tabs} value={current} onChange={setTab} className={styles.tabs}>
        {current === 'body' && (
          <div className={styles.bodyPane}>
            {isJson && (
              <div className={styles.viewSwitch}>
                <Segmented
                  label="Body view"
                  value={view}
                  onChange={setView}
                  options={[
                    { value: 'tree', label: 'Tree' },
                    { value: 'raw', label: 'Raw' },
                  ]}
                />
              </div>
            )}
            {body === '' ? (
              <p className={styles.muted}>The response has no body.</p>
            ) : isJson && view === 'tree' ? (
              <JsonTree text={body} onMap={onPickPath} mappings={mappings} />
            ) : (
              <pre className={styles.raw}>{isJson ? prettyJson(body) : body}</pre>
            )}
          </div>
        )}
        {current === 'headers' && result !== null && (
          <table className={styles.kvTable} aria-label="Response headers">
            <tbody>
              {result.headers.map((h, i) => (
                <tr key={i}>
                  <th scope="row">{h.key}</th>
                  <td>{h.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {current === 'structure' &&
          (structure.length === 0 ? (
            <p className={styles.muted}>{isJson ? 'The response has no paths to map.' : 'Only JSON responses have a structure to map.'}</p>
          ) : (
            <StructureList structure={structure} mappings={mappings} mapped={result?.mapped} onPick={onPickPath} />
          ))}
        {current === 'request' && result !== null && (
          <div className={styles.requestPane}>
            <p className={styles.requestLine}>
              <strong>{result.request.method}</strong> <code>{result.request.url}</code>
            </p>
            <table className={styles.kvTable} aria-label="Request headers">
              <tbody>
                {result.request.headers.map((h, i) => (
                  <tr key={i}>
                    <th scope="row">{h.key}</th>
                    <td>{h.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {result.request.body !== '' && <pre className={styles.raw}>{result.request.body}</pre>}
          </div>
        )}
      </Tabs>
    </div>
  );
}
