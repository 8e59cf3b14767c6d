/**
 * The simulator's view of the Go Simulator service (app/simulator.go): a
 * session runs the real engine for a fake contact, and each customer message
 * returns one turn.
 */

/** One option of a buttons or list message. */
export interface SimOption {
  id: string;
  title: string;
  description: string;
}

/** One message the bot sent (Go's engine.Reply). */
export interface SimReply {
  /** "text", "buttons", "list" or "media". */
  type: string;
  text: string;
  buttons: SimOption[];
  /** The label of the button that opens a list. */
  button: string;
  rows: SimOption[];
  mediaUrl: string;
  mediaType: string;
  /** The key of a file from the data folder the message attaches, and the name a document goes with. */
  mediaFile: string;
  filename: string;
  /** How long the bot waited (a delay node) before this message. */
  delayMs: number;
  /** A WhatsApp template's name, header, footer and quick replies (type "template"). */
  template?: SimTemplate;
}

/** The parts of a sent template the bubble shows around its body (text). */
export interface SimTemplate {
  name: string;
  language: string;
  header: string;
  footer: string;
  /** Quick-reply button texts; tapping one answers with it. */
  quickReplies: string[];
}

/** One API call the turn made. */
export interface SimCall {
  api: string;
  status: number;
  route: string;
  error: string;
  durationMs: number;
  /** Attribute values the call's mappings set, when the service reports them. */
  mapped?: Record<string, string>;
  /** The request as sent, secrets masked ('' when the API could not be loaded). */
  method?: string;
  url?: string;
  requestHeaders?: { key: string; value: string }[];
  requestBody?: string;
  /** The response body, cut at 8 KiB (responseTruncated says so). */
  responseBody?: string;
  responseTruncated?: boolean;
}

/** How a turn left the conversation. */
export type SimState = 'wait' | 'end' | 'paused' | 'idle';

/** The outcome of one customer message. */
export interface SimTurn {
  replies: SimReply[];
  state: SimState;
  /** The node the conversation waits at ("" when it ended). */
  nodeId: string;
  /** The nodes run in this turn, in order. */
  visited: string[];
  /** Every attribute of the simulated contact after the turn. */
  attributes: Record<string, string>;
  calls: SimCall[];
  /** Flow problems met while running (a loop, a failed expression). */
  errors: string[];
  /** Why an idle turn started nothing, in the service's words ("" when it did). */
  notice: string;
}

/** A new simulation: its id and the turn that started it (often empty). */
export interface SimStart {
  id: string;
  turn: SimTurn;
}

/** The calls the simulator makes; tests pass fakes. */
export interface SimulatorApi {
  start: (flowId: number) => Promise<SimStart>;
  send: (simId: string, text: string, replyId: string) => Promise<SimTurn>;
  restart: (simId: string) => Promise<SimTurn>;
  stop: (simId: string) => Promise<void>;
}
