// Knows every registered path and its methods, so a known path with the wrong method is a 405.
import FindMyWay, { type HTTPMethod, type HTTPVersion } from 'find-my-way';
import type { FastifyInstance } from 'fastify';

const PROBE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export class RouteIndex {
  private readonly router = FindMyWay<HTTPVersion.V1>({ ignoreTrailingSlash: false });

  /** Records every route as it is registered. Call before routes are added. */
  watch(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods.map((m) => m.toUpperCase() as HTTPMethod)) {
        if (!this.router.hasRoute(method, route.url)) this.router.on(method, route.url, () => undefined);
      }
    });
  }

  /** Methods the path answers to; empty when the path is unknown. */
  allowedMethods(url: string): string[] {
    const path = url.split('?', 1)[0] as string;
    return PROBE_METHODS.filter((method) => this.router.find(method, path) !== null);
  }
}
