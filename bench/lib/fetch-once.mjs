// A single HTTPS request, for fetching the real response (to copy into the baseline), checking the
// copy, and setting up what a target needs (a function to invoke).
import https from 'node:https';

export function fetchOnce({ port, path, headers, ca, method = 'GET', body }) {
  return new Promise((resolve, reject) => {
    const request = https.request({ host: '127.0.0.1', port, path, method, headers, ca, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: text }));
      response.on('error', reject);
    });
    request.setTimeout(10_000, () => request.destroy(new Error(`${method} ${path} on port ${port} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}
