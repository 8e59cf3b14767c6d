import { Bot, RotateCcw, SendHorizontal } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { IconButton } from '../components/ui';
import { cx } from '../lib/cx';
import { BotBubble, ListSheet } from './ChatBubble';
import { SessionDetails } from './SessionDetails';
import { simulatorStore, useSimulator } from './store';
import type { SimOption, SimReply } from './types';
import { formatWhatsApp } from './whatsappText';
import styles from './Simulator.module.css';

/** Props of SimulatorPanel. */
export interface SimulatorPanelProps {
  flowId: number;
  flowName: string;
  /** Saves the flow first, so the simulation runs what is on the canvas; false stops the start. */
  prepare: () => Promise<boolean>;
  /** Rewrites the engine's notes for people (node ids as node names); unchanged by default. */
  describe?: (note: string) => string;
}

const asIs = (note: string) => note;

/**
 * A phone-like chat with the open flow, running the real engine through the
 * Simulator service: type as the customer, tap buttons and list rows, watch
 * attributes and API calls, restart at any time.
 */
export function SimulatorPanel({ flowId, flowName, prepare, describe = asIs }: SimulatorPanelProps) {
  const phase = useSimulator((s) => s.phase);
  const chat = useSimulator((s) => s.chat);
  const typing = useSimulator((s) => s.typing);
  const attributes = useSimulator((s) => s.attributes);
  const calls = useSimulator((s) => s.calls);
  const error = useSimulator((s) => s.error);
  const running = useSimulator((s) => s.flowId === flowId && s.phase !== 'off');
  const [draft, setDraft] = useState('');
  const [sheet, setSheet] = useState<SimReply | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (running) {
      return;
    }
    void (async () => {
      if (await prepare()) {
        await simulatorStore.getState().start(flowId);
      }
    })();
  }, [flowId, running, prepare]);

  useEffect(() => {
    const el = scrollRef.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [chat, typing]);

  const ready = phase === 'ready';
  const canSend = ready || phase === 'sending';
  const lastBot = [...chat].reverse().find((c) => c.from === 'bot');

  const send = async (text: string, replyId = '') => {
    setSheet(null);
    await prepare();
    await simulatorStore.getState().send(text, replyId);
    inputRef.current?.focus();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const text = draft.trim();
    if (text === '' || !canSend) return;
    setDraft('');
    void send(text);
  };

  const choose = (o: SimOption) => void send(o.title, o.id);

  return (
    <div className={styles.panel} data-testid="simulator">
      <div className={styles.phone}>
        <header className={styles.phoneHeader}>
          <span className={styles.avatar} aria-hidden="true">
            <Bot size={18} />
          </span>
          <div className={styles.who}>
            <span className={styles.name}>{flowName}</span>
            <span className={styles.presence}>
              {phase === 'starting' ? 'connecting…' : typing ? 'typing…' : 'simulator · real engine and APIs'}
            </span>
          </div>
          <IconButton
            size="sm"
            label="Restart the conversation"
            icon={<RotateCcw size={15} />}
            className={styles.headerButton}
            disabled={phase === 'starting'}
            onClick={async () => {
              await prepare();
              await simulatorStore.getState().restart();
              inputRef.current?.focus();
            }}
          />
        </header>
        <div className={styles.messages} ref={scrollRef} aria-live="polite" data-testid="sim-messages">
          <div className={styles.dayPill}>Today</div>
          {chat.length === 0 && phase !== 'starting' && phase !== 'error' && (
            <p className={styles.hint}>Send a message as the customer to start the flow, for example “hi”.</p>
          )}
          {phase === 'error' && (
            <p className={cx(styles.system, styles.systemError)} role="alert">
              {describe(error)}
            </p>
          )}
          {chat.map((c) => {
            if (c.from === 'customer') {
              return (
                <div key={c.key} className={cx(styles.bubble, styles.customer)} data-testid="customer-message">
                  <p className={styles.text}>{formatWhatsApp(c.text)}</p>
                </div>
              );
            }
            if (c.from === 'system') {
              return (
                <p key={c.key} className={cx(styles.system, c.tone === 'error' && styles.systemError)} data-testid="sim-note">
                  {describe(c.text)}
                </p>
              );
            }
            return (
              <BotBubble
                key={c.key}
                reply={c.reply}
                interactive={ready && c === lastBot}
                onChoose={choose}
                onOpenList={setSheet}
              />
            );
          })}
          {typing && (
            <div className={cx(styles.bubble, styles.bot, styles.typing)} aria-label="The bot is typing">
              <span />
              <span />
              <span />
            </div>
          )}
        </div>
        {sheet !== null && <ListSheet reply={sheet} onChoose={choose} onClose={() => setSheet(null)} />}
        <form className={styles.composer} onSubmit={onSubmit}>
          <input
            ref={inputRef}
            className={styles.input}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={canSend ? 'Type a message' : 'Waiting…'}
            aria-label="Message as the customer"
            disabled={phase === 'starting' || phase === 'error'}
          />
          <button type="submit" className={styles.send} disabled={!canSend || draft.trim() === ''} aria-label="Send">
            <SendHorizontal size={18} />
          </button>
        </form>
      </div>
      <SessionDetails attributes={attributes} calls={calls} />
    </div>
  );
}
