// API keys: issue, list, revoke, and turn a presented secret into who is calling.
import { apiTime, storedTime, type Clock } from '../../clock.js';
import type { Within } from '../../db/database.js';
import { newId } from '../../ids.js';
import type { Cursors, Page, PageRequest } from '../../http/pagination.js';
import { regions } from '../catalog/catalogs.js';
import { rateLimitFor, type Tier } from '../accounts/tiers.js';
import { generateKey, hashKey, isWellFormedKey } from './key-format.js';
import { isScope, scopeAllows, type Scope } from './scopes.js';
import type { AccountLookup } from '../accounts/queries.js';
import type { ApiKeyRow, ApiKeysStore } from './store.js';
import type { AuthContext } from './auth-context.js';
import type { KeyCache } from './key-cache.js';
import type { RevocationAnnouncer } from './revocations.js';
import { oldKeyEnd, type GracePeriod } from './rotation.js';

/** `last_used_at` is written at most this often per key, so busy keys do not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
import { systemOrigin, type Caller, type EventOrigin } from '../events/origin.js';
import { EventsRecorder } from '../events/recorder.js';
import type { ErrorDetail } from '../../errors/api-error.js';
import { apiError, notFound, validationFailed } from '../../errors/catalog.js';
import { withTrimmedName, writePatch } from '../patch.js';

export interface ApiKey {
  id: string;
  name: string;
  /** `cnx_live_AbCd…wxyz`: enough to recognise a key, never enough to use it. */
  display: string;
  status: 'active' | 'revoked' | 'expired';
  scopes: string[];
  regions: string[] | null;
  expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
  last_used_at: string | null;
  replaced_by: string | null;
}

export interface NewApiKey {
  name?: string;
  scopes?: string[];
  regions?: string[] | null;
  expiresAt?: string | null;
}

export interface CreatedApiKey {
  key: ApiKey;
  secret: string;
}

/** Who is calling: a valid API key, or an account owner signed in to the dashboard. */
/** Scale-out: a cache of lookups, and who to tell when a key is revoked so other nodes evict it. */
export interface KeySharing {
  cache?: KeyCache;
  revocations?: RevocationAnnouncer;
}

export class ApiKeysService {
  /** Its own recorder: the operator CLI and first start build this service too, outside the app. */
  private readonly events: EventsRecorder;

  constructor(
    private readonly store: ApiKeysStore,
    private readonly accounts: AccountLookup,
    private readonly clock: Clock,
    private readonly sharing: KeySharing = {},
  ) {
    this.events = new EventsRecorder(clock);
  }

  /** A key made by `origin` (the operator, unless a caller made it through the API). */
  async create(accountId: string, input: NewApiKey, within?: Within<CreatedApiKey>, origin: EventOrigin = systemOrigin(accountId)): Promise<CreatedApiKey> {
    await this.requireAccount(accountId);
    const row = this.validate(accountId, input);
    const generated = generateKey();
    const full: ApiKeyRow = { ...row, key_hash: generated.hash, prefix: generated.prefix, last4: generated.last4 };
    const created = { key: this.present(full), secret: generated.secret };
    await this.store.transaction(async (store, trx) => {
      await store.insert(full);
      await this.events.record(trx, origin, 'api_key.created', full.id, created.key);
      await within?.(trx, created);
    });
    return created;
  }

  /** A key created through the API by another key, which can grant no scope or region it lacks itself. */
  async createFor(creator: Caller, input: NewApiKey, within?: Within<CreatedApiKey>): Promise<CreatedApiKey> {
    const scopes = input.scopes ?? [...creator.scopes];
    const regions = input.regions === undefined ? creator.regions : input.regions;
    assertCanGrant(creator, scopes, regions);
    return this.create(creator.accountId, { ...input, scopes: [...scopes], regions: regions === null ? null : [...regions] }, within, creator);
  }

  /**
   * A new secret for the key's settings (name, scopes, regions, expiry) as a new key; the old one
   * keeps working for the grace period, then gets 401. Revoked, expired or already rotated keys
   * cannot be rotated (409).
   */
  async rotate(accountId: string, id: string, grace: GracePeriod, within?: Within<CreatedApiKey>, origin: EventOrigin = systemOrigin(accountId)): Promise<CreatedApiKey> {
    const old = await this.store.find(accountId, id);
    if (!old) throw notFound(`API key ${id}`);
    const now = this.clock();
    const generated = generateKey();
    const row: ApiKeyRow = {
      ...old,
      id: newId('key'),
      key_hash: generated.hash,
      prefix: generated.prefix,
      last4: generated.last4,
      revoked_at: null,
      created_at: storedTime(now),
      last_used_at: null,
      replaced_by: null,
    };
    const created = { key: this.present(row), secret: generated.secret };
    await this.store.transaction(async (store, trx) => {
      const ends = storedTime(oldKeyEnd(now, grace, old.expires_at));
      if (!(await store.markRotated(accountId, id, row.id, storedTime(now), ends))) {
        throw apiError('invalid_state', `API key ${id} is revoked, expired or already rotated`);
      }
      await store.insert(row);
      await this.events.record(trx, origin, 'api_key.rotated', id, { replaced_by: row.id, grace_period: grace, old_key_ends_at: apiTime(ends) });
      await within?.(trx, created);
    });
    // The old key's end moved (or came): nodes drop what they cached of it at once.
    this.sharing.cache?.evict(id);
    await this.sharing.revocations?.announce(id);
    return created;
  }

  /** A rotation asked for by a key, which may only rotate keys it could have created itself. */
  async rotateFor(caller: Caller, id: string, grace: GracePeriod, within?: Within<CreatedApiKey>): Promise<CreatedApiKey> {
    const old = await this.get(caller.accountId, id);
    assertCanGrant(caller, old.scopes, old.regions);
    return this.rotate(caller.accountId, id, grace, within, caller);
  }

  async get(accountId: string, id: string): Promise<ApiKey> {
    const row = await this.store.find(accountId, id);
    if (!row) throw notFound(`API key ${id}`);
    return this.present(row);
  }

  async list(accountId: string, request: PageRequest, cursors: Cursors): Promise<Page<ApiKey>> {
    await this.requireAccount(accountId);
    const rows = await this.store.listByAccount(accountId, request);
    return cursors.page('api_keys', request, rows, (r) => [r.created_at, r.id], (r) => this.present(r));
  }

  /** A new name (trimmed, as on create); a revoked or rotated key can be renamed too. Names may repeat. */
  async patch(caller: Caller, id: string, patch: { name?: string }): Promise<ApiKey> {
    await this.get(caller.accountId, id);
    await this.store.transaction((store, trx) =>
      writePatch(trx, { events: this.events, clock: this.clock }, caller, { id, event: 'api_key.updated', labelled: false, save: (_, changes) => store.patch(id, changes) }, withTrimmedName(patch)),
    );
    return this.get(caller.accountId, id);
  }

  async revoke(accountId: string, id: string, origin: EventOrigin = systemOrigin(accountId)): Promise<ApiKey> {
    const revoked = await this.store.transaction(async (store, trx) => {
      if (!(await store.revoke(accountId, id, storedTime(this.clock())))) return false;
      await this.events.record(trx, origin, 'api_key.revoked', id, {});
      return true;
    });
    const row = await this.store.find(accountId, id);
    if (!row) throw notFound(`API key ${id}`);
    if (!revoked) throw apiError('already_in_state', `API key ${id} is already revoked`);
    this.sharing.cache?.evict(id);
    await this.sharing.revocations?.announce(id);
    return this.present(row);
  }

  /** The caller behind `secret`, or null. Malformed secrets are turned away before any query. */
  async authenticate(secret: string): Promise<AuthContext | null> {
    if (!isWellFormedKey(secret)) return null;
    const hash = hashKey(secret);
    const cache = this.sharing.cache;
    const stamp = cache ? await cache.stamp() : 0;
    const cached = cache?.get(hash, stamp);
    if (cached) return cached;
    const row = await this.store.findByHash(hash);
    if (!row || row.revoked_at !== null) return null;
    const now = this.clock();
    const expiresAt = row.expires_at === null ? null : Date.parse(row.expires_at);
    if (expiresAt !== null && expiresAt <= now) return null;
    if (row.last_used_at === null || Date.parse(row.last_used_at) < now - LAST_USED_RESOLUTION_MS) {
      await this.store.touch(row.id, storedTime(now), storedTime(now - LAST_USED_RESOLUTION_MS));
    }
    const auth: AuthContext = {
      accountId: row.account_id,
      keyId: row.id,
      userId: null,
      scopes: JSON.parse(row.scopes) as string[],
      regions: row.regions === null ? null : (JSON.parse(row.regions) as string[]),
      rateLimit: rateLimitFor(row.tier as Tier, row.rate_limit),
    };
    cache?.set(hash, auth, expiresAt, stamp);
    return auth;
  }

  private async requireAccount(accountId: string): Promise<void> {
    if (!(await this.accounts.exists(accountId))) throw notFound(`Account ${accountId}`);
  }

  private validate(accountId: string, input: NewApiKey): Omit<ApiKeyRow, 'key_hash' | 'prefix' | 'last4'> {
    const problems: ErrorDetail[] = [];
    const name = (input.name ?? 'default').trim();
    if (name.length < 1 || name.length > 100) problems.push({ field: 'name', message: 'Must be 1 to 100 characters' });
    const scopes = input.scopes ?? ['*'];
    if (scopes.length === 0) problems.push({ field: 'scopes', message: 'At least one scope is required' });
    scopes.forEach((scope, i) => {
      if (!isScope(scope)) problems.push({ field: `scopes[${i}]`, message: `Unknown scope "${scope}"` });
    });
    const allowlist = input.regions ?? null;
    allowlist?.forEach((region, i) => {
      if (!regions.find(region)) problems.push({ field: `regions[${i}]`, message: `Unknown region "${region}"` });
    });
    let expiresAt: string | null = null;
    if (input.expiresAt) {
      const ms = Date.parse(input.expiresAt);
      if (Number.isNaN(ms)) problems.push({ field: 'expires_at', message: 'Must be an ISO-8601 time' });
      else if (ms <= this.clock()) problems.push({ field: 'expires_at', message: 'Must be in the future' });
      else expiresAt = storedTime(ms);
    }
    if (problems.length > 0) throw validationFailed(problems);
    return {
      id: newId('key'),
      account_id: accountId,
      name,
      scopes: JSON.stringify([...new Set(scopes as Scope[])]),
      regions: allowlist === null ? null : JSON.stringify([...new Set(allowlist)]),
      expires_at: expiresAt,
      revoked_at: null,
      created_at: storedTime(this.clock()),
      last_used_at: null,
      replaced_by: null,
    };
  }

  private present(row: ApiKeyRow): ApiKey {
    const expired = row.expires_at !== null && Date.parse(row.expires_at) <= this.clock();
    return {
      id: row.id,
      name: row.name,
      display: `${row.prefix}…${row.last4}`,
      status: row.revoked_at !== null ? 'revoked' : expired ? 'expired' : 'active',
      scopes: JSON.parse(row.scopes) as string[],
      regions: row.regions === null ? null : (JSON.parse(row.regions) as string[]),
      expires_at: apiTime(row.expires_at),
      revoked_at: apiTime(row.revoked_at),
      created_at: apiTime(row.created_at),
      last_used_at: apiTime(row.last_used_at),
      replaced_by: row.replaced_by,
    };
  }
}

/** A key can hand on only the scopes and regions it holds itself (403 listing what it lacks). */
function assertCanGrant(creator: AuthContext, scopes: readonly string[], regions: readonly string[] | null): void {
  const problems: ErrorDetail[] = [];
  scopes.forEach((scope, i) => {
    const granted = scope === '*' ? creator.scopes.includes('*') : isScope(scope) && scopeAllows(creator.scopes, scope);
    if (isScope(scope) && !granted) problems.push({ field: `scopes[${i}]`, message: `The calling key does not hold ${scope}` });
  });
  if (creator.regions !== null) {
    if (regions === null) problems.push({ field: 'regions', message: 'The calling key is limited to some regions; list them' });
    regions?.forEach((region, i) => {
      if (!creator.regions?.includes(region)) problems.push({ field: `regions[${i}]`, message: `The calling key may not act in ${region}` });
    });
  }
  if (problems.length > 0) throw apiError('scope_escalation', 'A key cannot grant more than it holds', problems);
}
