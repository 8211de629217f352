// What each load balancer action does: the network driver call, then the balancer's state.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { LoadBalancerSpec, NetworkDriver } from '../../drivers/network-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import { systemOrigin } from '../events/origin.js';
import type { EventsRecorder } from '../events/recorder.js';
import { instancesInVpc } from '../instances/queries.js';
import { LabelsStore } from '../../labels/store.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LoadBalancersStore, type LoadBalancerRow } from './store.js';
import type { HealthCheck, Targets } from './service.js';
import { networksInVpc } from '../networks/queries.js';

type Settings = Pick<LoadBalancerRow, 'algorithm' | 'forwarding_rules' | 'health_check' | 'targets'>;

export function loadBalancerActionHandlers(db: Db, driver: NetworkDriver, clock: Clock, events: EventsRecorder): ActionHandlers {
  const load = async (action: ActionRow): Promise<LoadBalancerRow> => {
    const row = await new LoadBalancersStore(db).findById(action.resource_id);
    if (!row) throw new DriverError(`load balancer ${action.resource_id} no longer exists`, false);
    return row;
  };
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
  /** Ends the action on the balancer, and records the status it leaves (the engine is the actor). */
  const end = async (trx: Db, action: ActionRow, changes: Parameters<LoadBalancersStore['end']>[2]) => {
    const before = await new LoadBalancersStore(trx).findById(action.resource_id);
    await new LoadBalancersStore(trx).end(action.resource_id, action.id, changes, storedTime(clock()));
    if (before && changes.status !== undefined) {
      await events.statusChanged(trx, systemOrigin(action.account_id), 'load_balancer.status_changed', action.resource_id, { previous: before.status, status: changes.status }, { action_id: action.id });
    }
  };
  const remove = async (trx: Db, action: ActionRow) => {
    await new LabelsStore(trx).remove(action.resource_id);
    await new LoadBalancersStore(trx).remove(action.resource_id);
    await events.record(trx, systemOrigin(action.account_id), 'load_balancer.deleted', action.resource_id, { action_id: action.id });
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
        await events.record(trx, systemOrigin(action.account_id), 'load_balancer.updated', action.resource_id, { action_id: action.id });
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
