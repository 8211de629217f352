import { resolveConfig, type ClientOptions } from './core/config.js';
import { Transport } from './core/transport.js';
import { AccountResource } from './resources/account.js';
import { Actions } from './resources/actions.js';
import { ApiKeys } from './resources/api-keys.js';
import { DatabaseEngines, Images, Plans, Regions } from './resources/catalog.js';
import { Databases } from './resources/databases.js';
import { Instances } from './resources/instances.js';
import { SshKeys } from './resources/ssh-keys.js';
import { Events } from './resources/events.js';
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

  constructor(options: ClientOptions = {}) {
    const config = resolveConfig(options);
    const transport = new Transport(config);
    this.baseURL = config.baseURL;
    this.account = new AccountResource(transport);
    this.regions = new Regions(transport);
    this.plans = new Plans(transport);
    this.images = new Images(transport);
    this.sshKeys = new SshKeys(transport);
    this.apiKeys = new ApiKeys(transport);
    this.instances = new Instances(transport);
    this.actions = new Actions(transport);
    this.databases = new Databases(transport);
    this.databaseEngines = new DatabaseEngines(transport);
    this.events = new Events(transport);
    this.webhooks = new Webhooks(transport);
  }
}
