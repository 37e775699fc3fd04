import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveBus, LiveEvent } from '../live/live-bus.ts';
import { liveInput } from '../routers/live.ts';
import { sendError } from './send.ts';

/** What the tRPC client is told on connecting (the `sse.client` options of server/trpc.ts). */
const CONNECTED = `event: connected\ndata: ${JSON.stringify({ reconnectAfterInactivityMs: 12_000 })}\n\n`;
const PING = 'event: ping\ndata: \n\n';
const PING_MS = 5_000;
/** Bytes a screen may fall behind by before its line is cut (it reconnects with its last event id and catches up from the log). */
const MAX_BEHIND_BYTES = 4 * 1024 * 1024;

/** Each change as a server-sent event, written once however many screens it goes to. */
const framed = new WeakMap<LiveEvent, string>();
const frameOf = (e: LiveEvent) => {
  let text = framed.get(e);
  if (text === undefined) framed.set(e, (text = `data: ${JSON.stringify(e.change)}\nid: ${e.id}\n\n`));
  return text;
};

/**
 * GET /trpc/live.onChange: the live stream of every wall, phone and
 * district map, served here rather than through tRPC's generic stream
 * pipeline, which costs each screen a fraction of a millisecond per change
 * (20 walls doubled the CPU of a visit). The events are those tRPC's
 * httpSubscriptionLink reads from `live.onChange` (connected, each change
 * with its id, a ping every 5 s); the last event id comes from the
 * Last-Event-ID header, the lastEventId parameter or the input, as tRPC
 * takes it. Nothing personal: door numbers, floors and stages.
 */
export function handleLiveStream(bus: LiveBus, req: IncomingMessage, res: ServerResponse, url: URL): void {
  let input: ReturnType<typeof liveInput.parse>;
  try {
    const raw: unknown = JSON.parse(url.searchParams.get('input') ?? '{}');
    const lastEventId = req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? url.searchParams.get('Last-Event-Id');
    const parsed = liveInput.safeParse(typeof lastEventId === 'string' && raw && typeof raw === 'object' ? { ...raw, lastEventId } : raw);
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
    input = parsed.data;
  } catch (e) {
    return sendError(res, 400, 'BAD_REQUEST', `输入有误：${(e as Error).message}`, 'input');
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no', connection: 'keep-alive' });
  res.write(CONNECTED);
  const controller = new AbortController();
  res.once('close', () => controller.abort());
  const ping = setInterval(() => res.write(PING), PING_MS);
  ping.unref();
  const stream = async () => {
    for await (const e of bus.changes(input.estateId, input.lastEventId ? Number(input.lastEventId) : null, controller.signal)) {
      res.write(frameOf(e));
      // A screen that stopped reading: cut it rather than hold its backlog; it resumes from its last event id.
      if (res.writableLength > MAX_BEHIND_BYTES) res.destroy();
    }
  };
  // The stream ends when the screen goes, the server stops (the screen reconnects) or the log cannot be read (likewise).
  stream()
    .catch(() => res.destroy())
    .finally(() => {
      clearInterval(ping);
      if (!res.writableEnded) res.end();
    });
}
