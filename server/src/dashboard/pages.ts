// Serves the built dashboard and playground (dashboard/dist, made by `npm run build -w dashboard`)
// from our own origin: no CDN. The files are few and small, so they are read once into memory.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiError, notFound } from '../errors/catalog.js';

/** Where the dashboard workspace builds to, from server/src/dashboard or server/dist/dashboard alike. */
const DASHBOARD_DIST = fileURLToPath(new URL('../../../dashboard/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/** Every file of one app's folder (`dashboard` or `playground`), by name; empty when not built. */
function loadApp(app: string): Map<string, Asset> {
  const dir = path.join(DASHBOARD_DIST, app);
  const assets = new Map<string, Asset>();
  if (!fs.existsSync(dir)) return assets;
  for (const name of fs.readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const body = fs.readFileSync(path.join(dir, name));
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
  }
  return assets;
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset | undefined, what: string) {
  if (!asset) throw notFound(what);
  // Revalidated on every load (cheap with the ETag), so a new build is picked up at once.
  reply.header('Cache-Control', 'no-cache').header('ETag', asset.etag);
  if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
  return reply.type(asset.type).send(asset.body);
}

export function registerPages(app: FastifyInstance): void {
  for (const name of ['dashboard', 'playground']) {
    const assets = loadApp(name);
    const notBuilt = () => apiError('unavailable', `The ${name} is not built: run \`npm run build -w dashboard\` (npm start does it)`);
    app.get(`/${name}`, { schema: { hide: true } }, async (request, reply) => {
      if (assets.size === 0) throw notBuilt();
      return send(request, reply, assets.get('index.html'), `Page /${name}`);
    });
    app.get(`/${name}/`, { schema: { hide: true } }, async (_request, reply) => reply.redirect(`/${name}`));
    app.get(`/${name}/:file`, { schema: { hide: true } }, async (request, reply) => {
      const { file } = request.params as { file: string };
      return send(request, reply, file === 'index.html' ? undefined : assets.get(file), `File /${name}/${file}`);
    });
  }
}
