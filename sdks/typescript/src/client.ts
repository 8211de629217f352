import { resolveConfig, type ClientOptions } from './core/config.js';
import { Transport } from './core/transport.js';
import { AccountResource } from './resources/account.js';
import { Actions } from './resources/actions.js';
import { ApiKeys } from './resources/api-keys.js';
import { BackupPolicies } from './resources/backup-policies.js';
import { DatabaseEngines, Plans, Regions } from './resources/catalog.js';
import { Databases } from './resources/databases.js';
import { Events } from './resources/events.js';
import { Firewalls } from './resources/firewalls.js';
import { Functions } from './resources/functions.js';
import { Images } from './resources/images.js';
import { Instances } from './resources/instances.js';
import { ContainerImages } from './resources/container-images.js';
import { Containers } from './resources/containers.js';
import { LoadBalancers } from './resources/load-balancers.js';
import { Networks } from './resources/networks.js';
import { Snapshots } from './resources/snapshots.js';
import { SshKeys } from './resources/ssh-keys.js';
import { ReservedIps } from './resources/reserved-ips.js';
import { Volumes } from './resources/volumes.js';
import { Vpcs } from './resources/vpcs.js';
import { Webhooks } from './resources/webhooks.js';

/** The CloudNexus v2 API. Options fall back to CLOUDNEXUS_API_KEY, CLOUDNEXUS_BASE_URL and CLOUDNEXUS_CA_CERT. */
export class CloudNexus {
  readonly baseURL: string;
  readonly account: AccountResource;
  readonly regions: Regions;
  readonly plans: Plans;
  readonly images: Images;
  readonly sshKeys: SshKeys;
  readonly apiKeys: ApiKeys;
  readonly instances: Instances;
  readonly actions: Actions;
  readonly databases: Databases;
  readonly databaseEngines: DatabaseEngines;
  readonly events: Events;
  readonly webhooks: Webhooks;
  readonly vpcs: Vpcs;
  readonly networks: Networks;
  readonly firewalls: Firewalls;
  readonly loadBalancers: LoadBalancers;
  readonly reservedIps: ReservedIps;
  readonly volumes: Volumes;
  readonly snapshots: Snapshots;
  readonly backupPolicies: BackupPolicies;
  readonly functions: Functions;
  readonly containerImages: ContainerImages;
  readonly containers: Containers;

  constructor(options: ClientOptions = {}) {
    const config = resolveConfig(options);
    const transport = new Transport(config);
    this.baseURL = config.baseURL;
    // Every `{ wait: true }` polls through the actions resource.
    this.actions = new Actions(transport);
    this.account = new AccountResource(transport);
    this.regions = new Regions(transport);
    this.plans = new Plans(transport);
    this.images = new Images(transport, this.actions);
    this.sshKeys = new SshKeys(transport);
    this.apiKeys = new ApiKeys(transport);
    this.instances = new Instances(transport, this.actions);
    this.databases = new Databases(transport, this.actions);
    this.databaseEngines = new DatabaseEngines(transport);
    this.events = new Events(transport);
    this.webhooks = new Webhooks(transport);
    this.vpcs = new Vpcs(transport);
    this.networks = new Networks(transport);
    this.firewalls = new Firewalls(transport);
    this.loadBalancers = new LoadBalancers(transport, this.actions);
    this.functions = new Functions(transport, this.actions);
    this.reservedIps = new ReservedIps(transport, this.actions);
    this.snapshots = new Snapshots(transport, this.actions);
    this.volumes = new Volumes(transport, this.actions, this.snapshots);
    this.backupPolicies = new BackupPolicies(transport);
    this.containerImages = new ContainerImages(transport);
    this.containers = new Containers(transport, this.actions);
  }
}
