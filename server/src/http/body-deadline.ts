// A request body must arrive in full within the request timeout. Node's own request timeout stops
// applying once the headers are in, so a client that sends half a body and stalls would otherwise
// hold its connection forever: even after an early answer (a 401 sent before the body is read),
// the connection waits for the rest of the body.
import type { FastifyInstance } from 'fastify';

export function registerBodyDeadline(app: FastifyInstance, timeoutMs: number): void {
  app.addHook('onRequest', async (request) => {
    const raw = request.raw;
    // Injected requests (tests) have no real socket to cut.
    if (raw.complete || typeof raw.socket?.destroy !== 'function') return;
    const timer = setTimeout(() => {
      if (!raw.complete) raw.socket.destroy();
    }, timeoutMs);
    timer.unref();
    // Until the body has arrived the connection cannot carry another request, so nothing else is cut.
    const clear = () => clearTimeout(timer);
    raw.once('end', clear);
    raw.once('close', clear);
  });
}
