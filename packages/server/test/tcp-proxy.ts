/**
 * A TCP proxy in front of a shared service (Redis), which a test can cut or stall to see how
 * Stride behaves when the service goes away — without touching the service itself.
 */
import { connect, createServer, type Socket } from 'node:net';

export type ProxyMode =
  /** Bytes flow both ways. */
  | 'open'
  /** Every connection is closed at once, and new ones are closed as soon as they arrive. */
  | 'cut'
  /** Connections stay open but nothing is forwarded: a server that stopped answering. */
  | 'stall';

export interface TcpProxy {
  port: number;
  /** `target` with its host and port replaced by the proxy's (e.g. a redis:// URL). */
  url(target: string): string;
  set(mode: ProxyMode): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const upstream = new URL(target);
  const host = upstream.hostname;
  const port = Number(upstream.port) || 6379;
  let mode: ProxyMode = 'open';
  const pairs = new Set<[Socket, Socket | undefined]>();

  const server = createServer((client) => {
    client.on('error', () => {});
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    if (mode === 'stall') {
      const pair: [Socket, Socket | undefined] = [client, undefined];
      pairs.add(pair);
      client.on('close', () => pairs.delete(pair));
      return;
    }
    const server = connect({ host, port });
    server.on('error', () => client.destroy());
    const pair: [Socket, Socket | undefined] = [client, server];
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        if (mode === 'open') to.write(chunk);
      });
    forward(client, server);
    forward(server, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('close', end);
    server.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');

  return {
    port: address.port,
    url(t) {
      const u = new URL(t);
      u.hostname = '127.0.0.1';
      u.port = String(address.port);
      return u.toString();
    },
    set(next) {
      mode = next;
      if (next === 'cut') {
        for (const [a, b] of pairs) {
          a.destroy();
          b?.destroy();
        }
        pairs.clear();
      }
    },
    async close() {
      mode = 'cut';
      for (const [a, b] of pairs) {
        a.destroy();
        b?.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
