import Type from 'typebox';
import { named } from '../../http/schemas.js';

const Quota = (description: string) =>
  Type.Object({ limit: Type.Integer({ description }), used: Type.Integer() });

export const AccountSchema = named(
  'Account',
  Type.Object({
    id: Type.String({ examples: ['acc_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    tier: Type.Union([Type.Literal('free'), Type.Literal('pro'), Type.Literal('enterprise')]),
    rate_limit: Type.Integer({ description: 'Requests per minute' }),
    quotas: Type.Object({
      instances: Quota('Instances the account may have at once'),
      vcpus: Quota('vCPUs across all instances'),
      volumes: Quota('Volumes the account may have at once'),
      volume_gb: Quota('Gigabytes across all volumes'),
      vpcs: Quota('VPCs the account made (per-region defaults are free)'),
      networks: Quota('Networks the account made (per-region defaults are free)'),
      firewalls: Quota('Firewalls'),
      load_balancers: Quota('Load balancers'),
      reserved_ips: Quota('Reserved public IPs'),
      databases: Quota('Managed databases'),
      functions: Quota('Serverless functions'),
      function_concurrency: Quota('Function invocations running at once, across all functions'),
    }),
    created_at: Type.String({ format: 'date-time' }),
  }),
);
