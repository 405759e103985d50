import type { FastifyInstance } from 'fastify';

/**
 * A shutdown that ends as soon as the last request is answered. The server keeps an idle
 * connection open for its keep-alive window (72 s in Fastify), and a connection whose request
 * was still running when shutdown began becomes idle only after the server's one sweep of idle
 * connections: a rolling restart would wait that long. Every answer sent while closing therefore
 * says `Connection: close`, and the client hangs up once it has it.
 */
export function closeConnectionsOnShutdown(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}
