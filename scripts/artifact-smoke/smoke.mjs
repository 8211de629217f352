// The TypeScript SDK from its npm tarball (see README.md).
import CloudNexus from '@cloudnexus/sdk';

const client = new CloudNexus();
const regions = [];
for await (const region of client.regions.list()) regions.push(region);
const instance = await client.instances.create({ name: 'smoke-npm', region: 'eu-central-1', plan: 'micro', image: 'debian-12' }, { wait: true });
console.log(JSON.stringify({ regions: regions.length, status: instance.status }));
