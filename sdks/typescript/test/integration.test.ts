// Everything that needs a real server, in one file so the run starts exactly one server.
import { after, before, describe } from 'node:test';
import { LiveServer } from './helpers/live-server.js';
import { apiKeyTests } from './integration/api-keys.js';
import { catalogTests } from './integration/catalogs.js';
import { conformanceTests } from './integration/conformance.js';
import { containerTests } from './integration/containers.js';
import { databaseTests } from './integration/databases.js';
import { eventsAndWebhooksTests } from './integration/events-webhooks.js';
import { functionTests } from './integration/functions.js';
import { instanceTests } from './integration/instances.js';
import { networkingStorageTests } from './integration/networking-storage.js';
import { patchTests } from './integration/patches.js';
import { schemaTests } from './integration/schemas.js';
import { sshKeyTests } from './integration/ssh-keys.js';
import { tlsTests } from './integration/tls.js';

describe('against a live server', () => {
  const live = new LiveServer();
  before(() => live.start(), { timeout: 60_000 });
  after(() => live.stop());

  describe('TLS and auth', () => tlsTests(live));
  describe('account and catalogs', () => catalogTests(live));
  describe('SSH keys', () => sshKeyTests(live));
  describe('API keys', () => apiKeyTests(live));
  describe('instances and actions', () => instanceTests(live));
  describe('managed databases', () => databaseTests(live));
  describe('containers and container images', () => containerTests(live));
  describe('networking and storage', () => networkingStorageTests(live));
  describe('PATCH on named and labelled resources', () => patchTests(live));
  describe('functions', () => functionTests(live));
  describe('events and webhooks', () => eventsAndWebhooksTests(live));
  describe('responses match the OpenAPI schemas', () => schemaTests(live));
  describe('conformance scenario', () => conformanceTests(live));
});
