import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  test('embedded defaults: 127.0.0.1:8443, ./data, SQLite inside it, generated TLS', () => {
    const config = loadConfig({}, {});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8443);
    assert.equal(config.dataDir, path.resolve('data'));
    assert.deepEqual(config.database, { kind: 'sqlite', file: path.resolve('data', 'cloudnexus.db') });
    assert.equal(config.tls, null);
    assert.equal(config.logLevel, 'info');
    assert.ok(Object.isFrozen(config));
  });

  test('environment variables, with overrides (CLI flags) on top', () => {
    const env = { CLOUDNEXUS_HOST: '0.0.0.0', CLOUDNEXUS_PORT: '9443', CLOUDNEXUS_DATA_DIR: '/var/lib/cnx', CLOUDNEXUS_LOG_LEVEL: 'warn' };
    const config = loadConfig({ CLOUDNEXUS_PORT: '10443' }, env);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.port, 10443);
    assert.deepEqual(config.database, { kind: 'sqlite', file: '/var/lib/cnx/cloudnexus.db' });
    assert.equal(config.logLevel, 'warn');
  });

  test('DATABASE_URL selects PostgreSQL or a SQLite file', () => {
    assert.deepEqual(loadConfig({}, { DATABASE_URL: 'postgres://u:p@db/cnx' }).database, { kind: 'postgres', url: 'postgres://u:p@db/cnx' });
    assert.equal(loadConfig({}, { DATABASE_URL: 'postgresql://db/cnx' }).database.kind, 'postgres');
    assert.deepEqual(loadConfig({}, { DATABASE_URL: 'sqlite:/tmp/x.db' }).database, { kind: 'sqlite', file: '/tmp/x.db' });
    assert.throws(() => loadConfig({}, { DATABASE_URL: 'mysql://db/cnx' }), ConfigError);
  });

  test('invalid values are refused with the variable named', () => {
    assert.throws(() => loadConfig({}, { CLOUDNEXUS_PORT: '70000' }), /CLOUDNEXUS_PORT/);
    assert.throws(() => loadConfig({}, { CLOUDNEXUS_PORT: 'http' }), /CLOUDNEXUS_PORT/);
    assert.throws(() => loadConfig({}, { CLOUDNEXUS_LOG_LEVEL: 'loud' }), /CLOUDNEXUS_LOG_LEVEL/);
    assert.throws(() => loadConfig({}, { CLOUDNEXUS_TLS_CERT: '/c.pem' }), /TLS_KEY/);
    assert.throws(() => loadConfig({}, { CLOUDNEXUS_CURSOR_SECRET: 'short' }), /CURSOR_SECRET/);
  });

  test('scale-out settings: Redis off and pool defaults unless set', () => {
    const defaults = loadConfig({}, {});
    assert.equal(defaults.redisUrl, null);
    assert.deepEqual(defaults.postgres, { poolMax: 10, statementTimeoutMs: 30_000 });
    const config = loadConfig({}, { REDIS_URL: 'redis://cache:6379/2', CLOUDNEXUS_DB_POOL_MAX: '25', CLOUDNEXUS_DB_STATEMENT_TIMEOUT_MS: '5000' });
    assert.equal(config.redisUrl, 'redis://cache:6379/2');
    assert.deepEqual(config.postgres, { poolMax: 25, statementTimeoutMs: 5000 });
    assert.throws(() => loadConfig({}, { REDIS_URL: 'cache:6379' }), (e) => e instanceof ConfigError && /REDIS_URL/.test(e.message));
    assert.throws(() => loadConfig({}, { CLOUDNEXUS_DB_POOL_MAX: '0' }), (e) => e instanceof ConfigError && /CLOUDNEXUS_DB_POOL_MAX/.test(e.message));
  });

  test('the graceful shutdown timeout defaults to 10 s and must stay under the action lease', () => {
    assert.equal(loadConfig({}, {}).shutdownTimeoutMs, 10_000);
    assert.equal(loadConfig({}, { CLOUDNEXUS_SHUTDOWN_TIMEOUT_MS: '0' }).shutdownTimeoutMs, 0);
    const overLease = { CLOUDNEXUS_SHUTDOWN_TIMEOUT_MS: '30000', CLOUDNEXUS_ACTION_LEASE_MS: '30000' };
    assert.throws(() => loadConfig({}, overLease), (e) => e instanceof ConfigError && /CLOUDNEXUS_SHUTDOWN_TIMEOUT_MS/.test(e.message));
    assert.throws(() => loadConfig({}, { CLOUDNEXUS_SHUTDOWN_TIMEOUT_MS: '-1' }), ConfigError);
  });

  test('the public IP pool is a network of /30 or wider, and instance egress a boolean, both off the internet by default', () => {
    const defaults = loadConfig({}, {});
    assert.deepEqual([defaults.publicIpPool, defaults.instanceEgress], ['198.51.100.0/24', false]);
    const set = loadConfig({ CLOUDNEXUS_INSTANCE_EGRESS: 'true' }, { CLOUDNEXUS_PUBLIC_IP_POOL: '203.0.113.0/28' });
    assert.deepEqual([set.publicIpPool, set.instanceEgress], ['203.0.113.0/28', true]);
    for (const pool of ['203.0.113.1/28', '203.0.113.0/31', '203.0.113.0', '300.0.0.0/8']) {
      assert.throws(() => loadConfig({}, { CLOUDNEXUS_PUBLIC_IP_POOL: pool }), (e) => e instanceof ConfigError && /CLOUDNEXUS_PUBLIC_IP_POOL/.test(e.message), pool);
    }
    assert.throws(() => loadConfig({}, { CLOUDNEXUS_INSTANCE_EGRESS: 'yes' }), (e) => e instanceof ConfigError && /CLOUDNEXUS_INSTANCE_EGRESS/.test(e.message));
  });

  test('a certificate pair is taken together', () => {
    const config = loadConfig({}, { CLOUDNEXUS_TLS_CERT: '/etc/c.pem', CLOUDNEXUS_TLS_KEY: '/etc/k.pem' });
    assert.deepEqual(config.tls, { certFile: '/etc/c.pem', keyFile: '/etc/k.pem' });
  });
});
