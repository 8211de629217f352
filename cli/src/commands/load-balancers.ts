import type { CreateLoadBalancer, PatchLoadBalancer, UpdateLoadBalancer } from '@cloudnexus/sdk';
import { Command } from 'commander';
import { columns } from '../output/table.js';
import { createCommand, listCommand, operationCommand, showCommand, updateCommand } from './builders.js';
import { type Field, LABELS, NAME_LABELS_PATCH, REGION, SELECTOR } from './fields.js';

const COLUMNS = columns('id', 'name', 'region', 'vpc_id', 'algorithm', 'status', 'ip', 'created_at');

/** What `create` and `update` both set. */
const TRAFFIC: Field[] = [
  { flags: '--algorithm <algorithm>', field: 'algorithm', description: 'default round_robin', choices: ['round_robin', 'least_connections'] },
  {
    flags: '--forwarding-rules <json>',
    field: 'forwarding_rules',
    description: 'JSON list, e.g. \'[{"entry_protocol":"http","entry_port":80,"target_protocol":"http","target_port":8080}]\'',
    kind: 'json',
    required: true,
  },
  { flags: '--health-check <json>', field: 'health_check', description: 'JSON, e.g. \'{"protocol":"http","port":8080,"path":"/health"}\'', kind: 'json' },
  { flags: '--targets <json>', field: 'targets', description: 'JSON, e.g. \'{"instance_ids":["inst_…"]}\' or \'{"label_selector":"role=web"}\'', kind: 'json', required: true },
];

export function loadBalancersCommand(): Command {
  const group = new Command('load-balancers').description('spread traffic over instances of a VPC');
  listCommand(group, {
    description: 'list load balancers, newest first',
    columns: COLUMNS,
    filters: [REGION, { flags: '--vpc-id <id>', field: 'vpc_id', description: 'only in this VPC' }, SELECTOR],
    list: (sdk, query) => sdk.loadBalancers.list(query),
  });
  showCommand(group, { description: 'show one load balancer', noun: 'load balancer', show: (sdk, id) => sdk.loadBalancers.retrieve(id) });
  createCommand(group, {
    description: 'create a load balancer (with --wait, show it once it is active)',
    noun: 'load balancer',
    fields: [
      { flags: '--name <name>', field: 'name', description: 'a name for it', required: true },
      { flags: '--vpc-id <id>', field: 'vpc_id', description: 'the VPC of its targets', required: true },
      ...TRAFFIC,
      LABELS,
    ],
    waitsUntil: 'the load balancer is active',
    create: (sdk, body, options) => sdk.loadBalancers.create(body as CreateLoadBalancer, options),
  });
  operationCommand(group, {
    name: 'update',
    description: 'replace the algorithm, forwarding rules, health check and targets',
    noun: 'load balancer',
    progress: 'updating',
    fields: TRAFFIC,
    run: (sdk, id, body, options) => sdk.loadBalancers.update(id, body as UpdateLoadBalancer, options),
  });
  updateCommand(group, { name: 'patch', description: 'rename a load balancer or change its labels at once (only what is given changes; no action)', noun: 'load balancer', fields: NAME_LABELS_PATCH, update: (sdk, id, body) => sdk.loadBalancers.patch(id, body as PatchLoadBalancer) });
  operationCommand(group, { name: 'delete', description: 'delete a load balancer', noun: 'load balancer', progress: 'deleting', run: (sdk, id, _body, options) => sdk.loadBalancers.delete(id, options) });
  return group;
}
