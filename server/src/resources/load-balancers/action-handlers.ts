// What each load balancer action does: the network driver call, then the balancer's state.
import { type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { LoadBalancerSpec, NetworkDriver } from '../../drivers/network-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import type { EventsRecorder } from '../events/recorder.js';
import { instancesInVpc } from '../instances/queries.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LoadBalancersStore, type LoadBalancerRow } from './store.js';
import type { HealthCheck, Targets } from './service.js';
import { networksInVpc } from '../networks/queries.js';
import { settlement } from '../actions/settlement.js';

type Settings = Pick<LoadBalancerRow, 'algorithm' | 'forwarding_rules' | 'health_check' | 'targets'>;

export function loadBalancerActionHandlers(db: Db, driver: NetworkDriver, clock: Clock, events: EventsRecorder): ActionHandlers {
  const settle = settlement({ noun: 'load_balancer', store: (trx) => new LoadBalancersStore(trx), db, clock, events });
  const { load, remove } = settle;
  const end = (trx: Db, action: ActionRow, changes: Parameters<LoadBalancersStore['end']>[2]) => settle.end(trx, action, changes);
  /** What the driver needs: the settings (as stored, or as requested by an update) and the targets' addresses. */
  const spec = async (row: LoadBalancerRow, settings: Settings): Promise<LoadBalancerSpec> => {
    const targets = JSON.parse(settings.targets) as Targets;
    const instances = await instancesInVpc(db, row.account_id, row.vpc_id, {
      ids: targets.instance_ids ?? null,
      selector: parseLabelSelector(targets.label_selector ?? ''),
    });
    const health = JSON.parse(settings.health_check) as HealthCheck;
    const networks = await networksInVpc(db, row.vpc_id);
    return {
      loadBalancerId: row.id,
      region: row.region,
      algorithm: settings.algorithm,
      forwardingRules: JSON.parse(settings.forwarding_rules),
      targetAddresses: instances.flatMap((i) => (i.ipv4 ? [i.ipv4] : [])),
      vpcId: row.vpc_id,
      networks: networks.map((n) => ({ id: n.id, ipRange: n.ip_range })),
      // The schema's documented defaults, for checks stored without them.
      healthCheck: {
        protocol: health.protocol === 'http' ? 'http' : 'tcp',
        port: health.port,
        path: health.path ?? '/',
        intervalSeconds: health.interval_seconds ?? 10,
        timeoutSeconds: health.timeout_seconds ?? 5,
        healthyThreshold: health.healthy_threshold ?? 3,
        unhealthyThreshold: health.unhealthy_threshold ?? 3,
      },
    };
  };

  return {
    'load_balancer.create': {
      async perform(action) {
        const row = await load(action);
        return driver.createLoadBalancer(await spec(row, row));
      },
      succeed: (trx, action, result) => end(trx, action, { status: 'active', ip: (result as { ip: string }).ip }),
      fail: remove,
    },
    'load_balancer.update': {
      async perform(action) {
        await driver.updateLoadBalancer(await spec(await load(action), JSON.parse(action.params) as Settings));
      },
      // The new settings take effect only once the backend has them.
      async succeed(trx, action) {
        await end(trx, action, JSON.parse(action.params) as Settings);
        await settle.record(trx, action, 'load_balancer.updated');
      },
      fail: (trx, action) => end(trx, action, {}),
    },
    'load_balancer.delete': {
      perform: (action) => driver.deleteLoadBalancer(action.resource_id),
      succeed: remove,
      fail: (trx, action) => end(trx, action, { status: 'active' }),
    },
  };
}
