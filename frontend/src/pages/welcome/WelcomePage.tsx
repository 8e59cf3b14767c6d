import { ArrowRight, FilePlus2, LayoutTemplate, MessageCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Badge, Button, Page, Spinner, toast } from '../../components/ui';
import { Data, type app } from '../../lib/backend';
import { errorMessage } from '../../lib/errors';
import { navigate } from '../../lib/router';
import styles from './WelcomePage.module.css';

/**
 * The first-run screen: start from one of the templates (imported through the
 * bundle import) or from a blank flow, then land in the editor.
 */
export function WelcomePage() {
  const [templates, setTemplates] = useState<app.Template[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [busy, setBusy] = useState('');

  useEffect(() => {
    Data.Templates()
      .then(setTemplates)
      .catch((err: unknown) => setLoadError(errorMessage(err)));
  }, []);

  const start = async (id: string, action: () => Promise<app.StartResult>) => {
    setBusy(id);
    try {
      const res = await action();
      navigate('flows', [String(res.flowId)]);
      // After navigating: a notice belongs to the page it is shown on.
      if (res.notice !== '') toast.warning(`"${res.flowName}" is ready`, res.notice);
    } catch (err) {
      toast.error('Could not start the flow', errorMessage(err));
      setBusy('');
    }
  };

  return (
    <Page
      title="Welcome to Chatflow Studio"
      icon={<MessageCircle size={18} />}
      description="Build a WhatsApp chatbot in a few minutes: pick a starting point, try it in the simulator, then connect WhatsApp."
    >
      <div className={styles.wrap}>
        <h2 className={styles.heading}>
          <LayoutTemplate size={16} aria-hidden="true" /> Start from a template
        </h2>
        {templates === null && loadError === '' && <Spinner label="Loading templates" />}
        {loadError !== '' && <p className={styles.error}>{loadError}</p>}
        <ul className={styles.grid} aria-label="Templates">
          {(templates ?? []).map((t) => (
            <li key={t.id} className={styles.card}>
              <h3 className={styles.title}>{t.title}</h3>
              <p className={styles.description}>{t.description}</p>
              <div className={styles.features}>
                {t.features.map((f) => (
                  <Badge key={f}>{f}</Badge>
                ))}
              </div>
              <Button
                variant="primary"
                iconEnd={<ArrowRight size={15} />}
                loading={busy === t.id}
                disabled={busy !== '' && busy !== t.id}
                onClick={() => void start(t.id, () => Data.StartFromTemplate(t.id))}
                aria-label={`Use the ${t.title} template`}
              >
                Use this template
              </Button>
            </li>
          ))}
          <li className={`${styles.card} ${styles.blank}`}>
            <h3 className={styles.title}>Blank flow</h3>
            <p className={styles.description}>Start with only a start node and build the conversation yourself.</p>
            <Button
              icon={<FilePlus2 size={15} />}
              loading={busy === 'blank'}
              disabled={busy !== '' && busy !== 'blank'}
              onClick={() => void start('blank', () => Data.StartBlank())}
            >
              Start blank
            </Button>
          </li>
        </ul>
        <p className={styles.skip}>
          <a href="#/flows">Skip for now</a>. The templates stay one click away in the checklist on the Flows page.
        </p>
      </div>
    </Page>
  );
}
