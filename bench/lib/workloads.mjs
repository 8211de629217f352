// What each load-generator loop sends: one function per workload, so load.mjs stays one closed
// loop whatever the target. Creates need a fresh name and Idempotency-Key on every request.
import { randomUUID } from 'node:crypto';

// moto reads the region from the credential scope and checks no signature: any fixed header will do.
const MOTO_AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0';
const FORM = 'application/x-www-form-urlencoded';

/** `moto` query-API body for `action` with `params`. */
export function motoForm(action, params) {
  return new URLSearchParams({ Action: action, Version: '2016-11-15', ...params }).toString();
}
export const MOTO_HEADERS = { authorization: MOTO_AUTH, 'content-type': FORM };

/**
 * Returns `next(loop)` giving { method, path, headers, body } for the loop's next request.
 * `spec` is JSON from run.mjs: { kind: 'get', path, headers } | { kind: 'create', path, keys, fields }
 * | { kind: 'moto-list' } | { kind: 'moto-create' }.
 */
export function workload(spec) {
  let sequence = 0;
  switch (spec.kind) {
    case 'get':
      return () => ({ method: 'GET', path: spec.path, headers: spec.headers });
    case 'create':
      // Creates spread evenly over several accounts (keys), one after the other whichever loop sends
      // them, because each account's instance quota is finite.
      return () => {
        const body = JSON.stringify({ ...spec.fields, name: `b-${process.pid}-${sequence++}` });
        const headers = {
          authorization: `Bearer ${spec.keys[sequence % spec.keys.length]}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        };
        return { method: 'POST', path: spec.path, headers, body };
      };
    case 'moto-list': {
      const body = motoForm('DescribeInstances', { MaxResults: '20' });
      return () => ({ method: 'POST', path: '/', headers: MOTO_HEADERS, body });
    }
    case 'moto-create': {
      const body = motoForm('RunInstances', { ImageId: 'ami-12c6146b', MinCount: '1', MaxCount: '1', InstanceType: 't2.micro' });
      return () => ({ method: 'POST', path: '/', headers: MOTO_HEADERS, body });
    }
    default:
      throw new Error(`unknown workload ${spec.kind}`);
  }
}
