// The server hosts its own installers and SDK artifacts (the files `npm run dist` builds), without
// authentication and outside /v2 and the OpenAPI document:
//   GET /install.sh                    the CLI installer, bound to this server (see install-script.ts)
//   GET /downloads/                    JSON list of every artifact with its size and SHA-256
//   GET /downloads/npm/<file>          the SDK and CLI tarballs
//   GET /downloads/rust/<file>         the crate
//   GET /downloads/python/             PEP 503 simple index (pip --index-url); files at /downloads/python/<file>
import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiError } from '../errors/catalog.js';
import { Artifacts, PARTS, type Artifact, type Part } from './artifacts.js';
import { renderInstallScript } from './install-script.js';
import { normalizeProjectName, projectOf, projectPage, rootPage } from './python-index.js';

export interface DownloadsOptions {
  /** The folder `npm run dist` fills (npm/, python/, rust/). */
  dir: string;
  /** The server's certificate when it generated it itself, for the installer to trust; else null. */
  selfSignedCert: string | null;
}

const CONTENT_TYPES: Record<string, string> = { '.tgz': 'application/gzip', '.gz': 'application/gzip', '.crate': 'application/gzip', '.whl': 'application/zip' };
/** A Host header as clients send it (name or address, optional port); anything else is refused. */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

export function registerDownloads(app: FastifyInstance, options: DownloadsOptions): void {
  const artifacts = new Artifacts(options.dir);
  const hide = { schema: { hide: true } };

  app.get('/install.sh', hide, async (request, reply) => {
    const npmFiles = artifacts.list('npm');
    const cli = latest(npmFiles, 'cloudnexus-');
    const sdk = latest(npmFiles, 'cloudnexus-sdk-');
    if (!cli || !sdk) throw apiError('unavailable', 'The CLI is not built on this server (run `npm run dist`)');
    reply.type('text/x-shellscript; charset=utf-8');
    return renderInstallScript({ serverUrl: origin(request), cli, sdk, serverCa: options.selfSignedCert });
  });

  app.get('/downloads/', hide, async () => ({
    data: PARTS.flatMap((part) => artifacts.list(part).map(({ file, size, sha256 }) => ({ url: `/downloads/${part}/${file}`, size, sha256 }))),
  }));

  app.get('/downloads/python/', hide, async (_request, reply) => reply.type('text/html; charset=utf-8').send(rootPage(artifacts.list('python'))));

  app.get<{ Params: { project: string } }>('/downloads/python/:project/', hide, async (request, reply) => {
    const project = normalizeProjectName(request.params.project);
    const files = artifacts.list('python').filter((artifact) => projectOf(artifact.file) === project);
    if (files.length === 0) throw apiError('not_found', `No Python project ${request.params.project} here`);
    return reply.type('text/html; charset=utf-8').send(projectPage(project, files));
  });

  for (const part of PARTS) {
    app.get<{ Params: { file: string } }>(`/downloads/${part}/:file`, hide, async (request, reply) => send(reply, artifacts.find(part, request.params.file), part));
  }
}

/** The newest of the tarballs named `<prefix><version>.tgz` (the SDK's prefix is longer, so checked exactly). */
function latest(files: Artifact[], prefix: string): Artifact | undefined {
  const versioned = files.filter((artifact) => artifact.file.startsWith(prefix) && /^\d/.test(artifact.file.slice(prefix.length)) && artifact.file.endsWith('.tgz'));
  return versioned.sort((a, b) => a.file.localeCompare(b.file, 'en', { numeric: true })).at(-1);
}

/** The address the client reached this server at, which is where the installer downloads from. */
function origin(request: FastifyRequest): string {
  const host = request.headers.host ?? '';
  if (!HOST.test(host)) throw apiError('invalid_request', 'The Host header is not a host name or address');
  return `https://${host}`;
}

function send(reply: FastifyReply, artifact: Artifact | null, part: Part): FastifyReply {
  if (!artifact) throw apiError('not_found', `No such ${part} artifact here`);
  const extension = artifact.file.slice(artifact.file.lastIndexOf('.'));
  return reply
    .type(CONTENT_TYPES[extension] ?? 'application/octet-stream')
    .header('content-length', artifact.size)
    .header('x-checksum-sha256', artifact.sha256)
    .send(fs.createReadStream(artifact.path));
}
