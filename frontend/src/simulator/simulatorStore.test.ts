import { beforeEach, describe, expect, it } from 'vitest';
import { useSimHighlight } from './highlight';
import { createSimulatorStore, trailPath } from './simulatorStore';
import type { SimReply, SimTurn, SimulatorApi } from './types';

const reply = (text: string, extra: Partial<SimReply> = {}): SimReply => ({
  type: 'text',
  text,
  buttons: [],
  button: '',
  rows: [],
  mediaUrl: '',
  mediaFile: '',
  filename: '',
  mediaType: '',
  delayMs: 0,
  ...extra,
});

const turn = (extra: Partial<SimTurn> = {}): SimTurn => ({
  replies: [],
  state: 'wait',
  nodeId: '',
  visited: [],
  attributes: {},
  calls: [],
  errors: [],
  notice: '',
  ...extra,
});

/** A scripted Simulator service: each send answers the next turn. */
function fakeApi(turns: SimTurn[]) {
  const sent: { text: string; replyId: string }[] = [];
  const stopped: string[] = [];
  let n = 0;
  const api: SimulatorApi = {
    start: () => Promise.resolve({ id: `sim${++n}`, turn: turn({ state: 'idle' }) }),
    send: (_id, text, replyId) => {
      sent.push({ text, replyId });
      const next = turns.shift();
      return next === undefined ? Promise.reject(new Error('The simulation has ended.')) : Promise.resolve(next);
    },
    restart: () => Promise.resolve(turn({ state: 'idle' })),
    stop: (id) => {
      stopped.push(id);
      return Promise.resolve();
    },
  };
  return { api, sent, stopped };
}

describe('simulator store', () => {
  const slept: number[] = [];
  const sleep = (ms: number) => {
    slept.push(ms);
    return Promise.resolve();
  };
  beforeEach(() => {
    slept.length = 0;
    useSimHighlight.getState().clear();
  });

  it('plays a turn: replies, typing for delays, attributes, calls and the canvas highlight', async () => {
    const { api, sent } = fakeApi([
      turn({
        replies: [reply('Looking it up…'), reply('Your order has shipped.', { delayMs: 2000 })],
        state: 'wait',
        nodeId: 'ask',
        visited: ['start', 'lookup', 'ask'],
        attributes: { order_status: 'shipped' },
        calls: [{ api: 'Orders', status: 200, route: '200', error: '', durationMs: 12, mapped: { order_status: 'shipped' } }],
      }),
    ]);
    const store = createSimulatorStore(api, { sleep, replyPauseMs: 100, maxTypingMs: 1500 });
    await store.getState().start(7);
    expect(store.getState().phase).toBe('ready');
    await store.getState().send('hi');
    const s = store.getState();
    expect(sent).toEqual([{ text: 'hi', replyId: '' }]);
    expect(s.chat.map((c) => c.from)).toEqual(['customer', 'bot', 'bot']);
    expect(slept).toEqual([100, 1500]);
    expect(s.attributes).toEqual({ order_status: 'shipped' });
    expect(s.calls).toEqual([expect.objectContaining({ api: 'Orders', route: '200', turn: 2 })]);
    const h = useSimHighlight.getState();
    expect(h.current).toBe('ask');
    expect(Object.keys(h.visited)).toEqual(['start', 'lookup', 'ask']);
    expect(Object.keys(h.path)).toHaveLength(2);
  });

  it('sends the reply id of a tapped option and notes the end', async () => {
    const { api, sent } = fakeApi([turn({ replies: [reply('Bye')], state: 'end', visited: ['bye'] })]);
    const store = createSimulatorStore(api, { sleep, replyPauseMs: 0 });
    await store.getState().start(1);
    await store.getState().send('Order status', 'b1');
    expect(sent).toEqual([{ text: 'Order status', replyId: 'b1' }]);
    const last = store.getState().chat.at(-1);
    expect(last?.from === 'system' && last.tone === 'info' && last.text.includes('ended')).toBe(true);
    expect(useSimHighlight.getState().current).toBe('');
  });

  it('shows a failed send as an error line and stays usable', async () => {
    const { api } = fakeApi([]);
    const store = createSimulatorStore(api, { sleep, replyPauseMs: 0 });
    await store.getState().start(1);
    await store.getState().send('hello');
    expect(store.getState().chat.at(-1)).toMatchObject({ from: 'system', tone: 'error', text: 'The simulation has ended.' });
    expect(store.getState().phase).toBe('ready');
  });

  it('restart clears the chat and the highlight; stop ends the session', async () => {
    const { api, stopped } = fakeApi([turn({ replies: [reply('Hi')], visited: ['start', 'm'], nodeId: 'm' })]);
    const store = createSimulatorStore(api, { sleep, replyPauseMs: 0 });
    await store.getState().start(1);
    await store.getState().send('hi');
    await store.getState().restart();
    expect(store.getState().chat).toEqual([]);
    expect(store.getState().trail).toEqual([]);
    expect(useSimHighlight.getState().current).toBe('');
    await store.getState().stop();
    expect(stopped).toEqual(['sim1']);
    expect(store.getState().phase).toBe('off');
  });

  it('ignores empty messages and sends while not ready', async () => {
    const { api, sent } = fakeApi([]);
    const store = createSimulatorStore(api, { sleep });
    await store.getState().send('hi');
    await store.getState().start(1);
    await store.getState().send('   ');
    expect(sent).toEqual([]);
  });
});

describe('trailPath', () => {
  it('joins consecutive visits and skips repeats of one node', () => {
    expect(Object.keys(trailPath(['a', 'b', 'b', 'c']))).toEqual(['a\u0000b', 'b\u0000c']);
    expect(trailPath([])).toEqual({});
  });
});

describe('simulator store: messages sent while the bot answers', () => {
  it('shows them at once and handles them in order after the turn', async () => {
    const { api, sent } = fakeApi([
      turn({ replies: [reply('What is your order number?')], nodeId: 'ask', visited: ['ask'] }),
      turn({ replies: [reply('Found it')], state: 'end', visited: ['found'] }),
    ]);
    let wake = () => undefined as void;
    const slow = (ms: number) => (ms > 0 ? new Promise<void>((r) => (wake = r)) : Promise.resolve());
    const store = createSimulatorStore(api, { sleep: slow, replyPauseMs: 10 });
    await store.getState().start(1);
    const first = store.getState().send('Track my order', 'b1');
    await Promise.resolve();
    const second = store.getState().send('A-1001');
    expect(store.getState().chat.filter((c) => c.from === 'customer')).toHaveLength(2);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 0));
      wake();
    }
    await Promise.all([first, second]);
    expect(sent).toEqual([
      { text: 'Track my order', replyId: 'b1' },
      { text: 'A-1001', replyId: '' },
    ]);
    expect(store.getState().chat.map((c) => (c.from === 'bot' ? c.reply.text : c.from))).toEqual([
      'customer',
      'customer',
      'What is your order number?',
      'Found it',
      'system',
    ]);
    expect(store.getState().phase).toBe('ready');
  });
});
