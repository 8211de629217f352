// What each target's requests carry, as specs lib/wrk-script.mjs turns into wrk's Lua:
// { kind: 'static', method, path, headers, body } sent as is, or { kind: 'create', path, keys,
// fields }, a fresh name and Idempotency-Key per request over a rotation of account keys.

// moto reads the region from the credential scope and checks no signature: any fixed header will do.
const MOTO_AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0';
const FORM = 'application/x-www-form-urlencoded';

/** `moto` query-API body for `action` with `params`. */
export function motoForm(action, params) {
  return new URLSearchParams({ Action: action, Version: '2016-11-15', ...params }).toString();
}
export const MOTO_HEADERS = { authorization: MOTO_AUTH, 'content-type': FORM };

export function get(path, headers = {}) {
  return { kind: 'static', method: 'GET', path, headers };
}

/** Creates spread evenly over several accounts (keys), because each account's instance quota is finite. */
export function create(path, keys, fields) {
  return { kind: 'create', path, keys, fields };
}

export function motoList() {
  return { kind: 'static', method: 'POST', path: '/', headers: MOTO_HEADERS, body: motoForm('DescribeInstances', { MaxResults: '20' }) };
}

export function motoCreate() {
  const body = motoForm('RunInstances', { ImageId: 'ami-12c6146b', MinCount: '1', MaxCount: '1', InstanceType: 't2.micro' });
  return { kind: 'static', method: 'POST', path: '/', headers: MOTO_HEADERS, body };
}
