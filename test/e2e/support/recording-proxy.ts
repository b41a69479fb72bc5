// A proxy that writes down every request a browser sends it and forwards none, except those to one
// origin it is told to pass through (the fixture server): with the browser pointed at it for every
// address, this machine included, anything that tries to reach the network shows up here.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  port: number;
  /** "METHOD host[:port]/path" for plain requests, "CONNECT host:port" for tunnels; passed-through ones not. */
  requests: string[];
  close(): Promise<void>;
}

/** `passThrough`: an origin such as "http://127.0.0.1:4321" whose requests are forwarded, not recorded. */
export async function startRecordingProxy(passThrough?: string): Promise<RecordingProxy> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    if (passThrough && req.url && new URL(req.url).origin === passThrough) {
      const forwarded = request(req.url, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forwarded.on('error', () => res.writeHead(502).end());
      req.pipe(forwarded);
      return;
    }
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
