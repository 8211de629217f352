// A single HTTPS GET, for fetching the real response (to copy into the baseline) and checking the copy.
import https from 'node:https';

export function fetchOnce({ port, path, headers, ca }) {
  return new Promise((resolve, reject) => {
    const request = https.get({ host: '127.0.0.1', port, path, headers, ca, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
      response.on('error', reject);
    });
    request.setTimeout(10_000, () => request.destroy(new Error(`GET ${path} on port ${port} timed out`)));
    request.on('error', reject);
  });
}
