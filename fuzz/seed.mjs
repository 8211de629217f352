// Creates a few resources of each kind through the API, so that Schemathesis' requests on
// `/{id}` routes reach real resources (and the ignored_auth and response schema checks see them)
// instead of only 404s. Writes one file of ids per kind into the directory given, for the
// dictionaries in schemathesis.toml.
//   NODE_EXTRA_CA_CERTS=<ca_file> node fuzz/seed.mjs <base_url> <api_key> <out_dir>
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [baseUrl, apiKey, outDir] = process.argv.slice(2);
const COPIES = 3;

async function call(method, url, body) {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Waits until the resource leaves its transitional status, so the next step may use it. */
async function settled(url, busy) {
  for (let i = 0; i < 200; i += 1) {
    const resource = await call('GET', url);
    if (!busy.includes(resource.status)) return resource;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} still busy`);
}

const ids = { api_keys: [], ssh_keys: [], instances: [], volumes: [], snapshots: [], backup_policies: [], vpcs: [], networks: [], firewalls: [], load_balancers: [], databases: [], webhooks: [], events: [] };
/** A fresh OpenSSH Ed25519 public key line: the API takes each key once per account. */
function publicKey() {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const field = (bytes) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]).toString('base64')} fuzz`;
}
for (let i = 0; i < COPIES; i += 1) {
  ids.api_keys.push((await call('POST', '/api_keys', { name: `seed-${i}` })).key.id);
  ids.ssh_keys.push((await call('POST', '/ssh_keys', { name: `seed-${i}`, public_key: publicKey() })).id);
  const vpc = await call('POST', '/vpcs', { name: `seed-${i}`, region: 'eu-west-1', ip_range: `10.${100 + i}.0.0/16` });
  ids.vpcs.push(vpc.id);
  const network = await call('POST', '/networks', { name: `seed-${i}`, vpc_id: vpc.id, ip_range: `10.${100 + i}.1.0/24`, environment: 'staging' });
  ids.networks.push(network.id);
  const instance = await call('POST', '/instances', {
    name: `seed-${i}`,
    region: 'eu-west-1',
    plan: 'micro',
    image: 'debian-12',
    ssh_keys: [ids.ssh_keys[i]],
    network_id: network.id,
    labels: { env: 'fuzz' },
  });
  ids.instances.push(instance.id);
  const volume = await call('POST', '/volumes', { name: `seed-${i}`, region: 'eu-west-1', size_gb: 10, labels: { env: 'fuzz' } });
  ids.volumes.push(volume.id);
  await settled(`/volumes/${volume.id}`, ['creating', 'provisioning']);
  const snapshot = await call('POST', `/volumes/${volume.id}/snapshots`, { name: `seed-${i}` });
  ids.snapshots.push(snapshot.id);
  await settled(`/instances/${instance.id}`, ['provisioning']);
  const firewall = { name: `seed-${i}`, inbound_rules: [], apply_to: { instance_ids: [instance.id] } };
  ids.firewalls.push((await call('POST', '/firewalls', firewall)).id);
  const forwarding = [{ entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 8080 }];
  const balancer = { name: `seed-${i}`, vpc_id: vpc.id, forwarding_rules: forwarding, targets: { instance_ids: [instance.id] } };
  ids.load_balancers.push((await call('POST', '/load_balancers', balancer)).id);
  const database = await call('POST', '/databases', { name: `seed-${i}`, engine: 'postgres', plan: 'db-s-1vcpu-1gb', region: 'eu-west-1', network_id: network.id });
  ids.databases.push(database.id);
  await settled(`/databases/${database.id}`, ['provisioning']);
  ids.backup_policies.push((await call('POST', '/backup_policies', { name: `seed-${i}`, schedule: '0 3 * * *', retention_count: 2, volume_ids: [volume.id] })).id);
  // A public address that routes nowhere (TEST-NET-3), wanting only test events: the run makes
  // no delivery to anyone.
  ids.webhooks.push((await call('POST', '/webhooks', { url: 'https://203.0.113.10/hook', event_types: ['webhook.test'] })).id);
}
ids.events.push(...(await call('GET', `/events?limit=${COPIES + 1}`)).data.map((event) => event.id));
// libFuzzer dictionary format, which Schemathesis reads: one quoted value per line.
// The last of each kind is kept for DELETE, so deletes do not take the others from the other operations.
const write = (file, list) => fs.writeFileSync(path.join(outDir, file), list.map((id) => `"${id}"\n`).join(''));
for (const [kind, list] of Object.entries(ids)) {
  write(`${kind}.dict`, list.slice(0, -1));
  write(`${kind}-delete.dict`, list.slice(-1));
}
