import { Simulator } from '../lib/backend';
import type { SimCall, SimReply, SimState, SimTurn, SimulatorApi } from './types';

/** The generated model of one turn (Go's app.SimTurn). */
type SimTurnModel = Awaited<ReturnType<typeof Simulator.Send>>;

/** Reads a generated SimTurn into the simulator's plain type. */
export function toSimTurn(t: SimTurnModel): SimTurn {
  const state = t.state as SimState;
  return {
    replies: (t.replies ?? []).map(
      (r): SimReply => ({
        type: r.type,
        text: r.text ?? '',
        buttons: (r.buttons ?? []).map((b) => ({ id: b.id, title: b.title, description: b.description ?? '' })),
        button: r.button ?? '',
        rows: (r.rows ?? []).map((b) => ({ id: b.id, title: b.title, description: b.description ?? '' })),
        mediaUrl: r.mediaUrl ?? '',
        mediaType: r.mediaType ?? '',
        mediaFile: r.mediaFile ?? '',
        filename: r.filename ?? '',
        delayMs: r.delayMs ?? 0,
        ...(r.template === undefined
          ? {}
          : {
              template: {
                name: r.template.name,
                language: r.template.language,
                header: r.template.header ?? '',
                footer: r.template.footer ?? '',
                quickReplies: (r.template.quickReplies ?? []).map((q) => q.payload),
              },
            }),
      }),
    ),
    state: ['wait', 'end', 'paused', 'idle'].includes(state) ? state : 'end',
    nodeId: t.nodeId ?? '',
    visited: t.visited ?? [],
    attributes: { ...(t.attributes ?? {}) },
    calls: (t.calls ?? []).map(
      (c): SimCall => ({
        api: c.api,
        status: c.status,
        route: c.route,
        error: c.error ?? '',
        durationMs: c.durationMs,
        mapped: { ...(c.mapped ?? {}) },
        method: c.method ?? '',
        url: c.url ?? '',
        requestHeaders: (c.requestHeaders ?? []).map((h) => ({ key: h.key, value: h.value })),
        requestBody: c.requestBody ?? '',
        responseBody: c.responseBody ?? '',
        responseTruncated: c.responseTruncated ?? false,
      }),
    ),
    errors: t.errors ?? [],
    notice: t.notice ?? '',
  };
}

/** The Simulator service for the simulator store. */
export const simulatorApi: SimulatorApi = {
  start: async (flowId) => {
    const s = await Simulator.Start(flowId);
    return { id: s.id, turn: toSimTurn(s.turn) };
  },
  send: async (simId, text, replyId) => toSimTurn(await Simulator.Send(simId, text, replyId)),
  restart: async (simId) => toSimTurn(await Simulator.Restart(simId)),
  stop: (simId) => Simulator.Stop(simId),
};
