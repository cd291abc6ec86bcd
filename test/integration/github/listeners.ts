/**
 * Plain listeners on 127.0.0.1 for the network-safety tests: one records
 * the headers of every request it gets (and answers 404), one accepts
 * connections and never answers. Neither speaks GitHub: they stand for a
 * host that is not the user's GitHub, and for a GitHub that hangs.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface Listener {
  url: string;
  port: number;
  /** Requests received (recording listener), or connections accepted (silent listener: url '' and no headers). */
  requests: RecordedRequest[];
  connections: number;
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>, requests: RecordedRequest[]): Promise<Listener> {
  let connections = 0;
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('listener: no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    get connections() {
      return connections;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Records method, URL and headers of every request; answers 404 with a JSON body. */
export function recordingListener(): Promise<Listener> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
  });
  return listen(server, new Set(), requests);
}

/** Accepts every connection and reads what is sent, but never answers. */
export function silentListener(): Promise<Listener> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume(); // read the request; the response never comes
  });
  return listen(server, new Set(), requests);
}
