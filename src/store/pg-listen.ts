// A PostgreSQL channel listened to (LISTEN) on a connection of its own, kept open: reconnects after a failure and
// says whether it is listening, because whoever relies on the messages (session-cache.ts) must stop relying on
// them while it is not — a message sent while no one listens is lost.
import pg from 'pg';

export interface ChannelHandlers {
  onMessage(payload: string): void;
  /** true once LISTEN has taken effect; false when the connection is lost or closed */
  onLive(live: boolean): void;
}

export interface Listening {
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

export function listenChannel(url: string, channel: string, h: ChannelHandlers, retryMs = 1000): Listening {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel name: ${channel}`);
  let closed = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    if (closed) return;
    // named, so an operator (or a test) can tell it from the pool's connections in pg_stat_activity
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: `sanxiang-listen-${channel}` });
    client = c;
    let down = false;
    const fail = () => {
      if (down) return;
      down = true;
      h.onLive(false);
      c.end().catch(() => {});
      if (!closed) {
        timer = setTimeout(() => void connect(), retryMs);
        timer.unref();
      }
    };
    c.on('error', fail);
    c.on('end', fail);
    c.on('notification', (n) => {
      if (n.channel === channel) h.onMessage(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
      if (!down && !closed) h.onLive(true);
    } catch {
      fail();
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      h.onLive(false);
      await client?.end().catch(() => {});
    },
  };
}
