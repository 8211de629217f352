// A single HTTPS request: fetching the real response (to copy into the baseline), checking the copy,
// and setting up what a workload needs (the mixed target's instances, the invoke target's function).
import https from 'node:https';

export function fetchOnce({ port, path, headers = {}, ca, method = 'GET', body }) {
  return new Promise((resolve, reject) => {
    // An object body goes as JSON; a string is sent as it is, with the caller's headers.
    const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
    const allHeaders = body === undefined || typeof body === 'string' ? headers : { ...headers, 'content-type': 'application/json' };
    const request = https.request({ host: '127.0.0.1', port, path, method, headers: allHeaders, ca, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: text }));
      response.on('error', reject);
    });
    request.setTimeout(10_000, () => request.destroy(new Error(`${method} ${path} on port ${port} timed out`)));
    request.on('error', reject);
    request.end(payload);
  });
}
