// SSH keys: an account's public keys, validated for real, to be put on the instances it creates.
import { apiTime, storedTime, type Clock } from '../../clock.js';
import type { Within } from '../../db/database.js';
import { newId } from '../../ids.js';
import type { Caller, EventOrigin } from '../events/origin.js';
import type { EventsRecorder } from '../events/recorder.js';
import type { Cursors, Page, PageRequest } from '../../http/pagination.js';
import { InvalidPublicKey, parsePublicKey, type KeyType, type PublicKey } from './public-key.js';
import type { SshKeyRow, SshKeysStore } from './store.js';
import type { ErrorDetail } from '../../errors/api-error.js';
import { apiError, notFound, validationFailed } from '../../errors/catalog.js';
import { withTrimmedName, writePatch } from '../patch.js';

export interface SshKey {
  id: string;
  name: string;
  public_key: string;
  fingerprint: string;
  type: KeyType;
  bits: number;
  created_at: string;
}

export interface NewSshKey {
  name: string;
  publicKey: string;
}

export class SshKeysService {
  constructor(
    private readonly store: SshKeysStore,
    private readonly clock: Clock,
    private readonly events: EventsRecorder,
  ) {}

  async create(caller: EventOrigin, input: NewSshKey, within?: Within<SshKey>): Promise<SshKey> {
    const { accountId } = caller;
    const key = this.validate(input);
    const row: SshKeyRow = {
      id: newId('ssh'),
      account_id: accountId,
      name: input.name.trim(),
      public_key: key.line,
      fingerprint: key.fingerprint,
      created_at: storedTime(this.clock()),
    };
    const created = present(row, key);
    const inserted = await this.store.transaction(async (store, trx) => {
      if (!(await store.insert(row))) return false;
      await this.events.record(trx, caller, 'ssh_key.created', row.id, created);
      await within?.(trx, created);
      return true;
    });
    if (!inserted) {
      const existing = await this.store.findByFingerprint(accountId, key.fingerprint);
      // `existing` is only missing if it was deleted in the instant since the insert failed.
      throw apiError('name_taken', `This key is already added as ${existing?.id ?? 'another SSH key'}`, [
        { field: 'public_key', message: `Same fingerprint (${key.fingerprint}) as an existing key` },
      ]);
    }
    return created;
  }

  async get(accountId: string, id: string): Promise<SshKey> {
    const row = await this.store.find(accountId, id);
    if (!row) throw notFound(`SSH key ${id}`);
    return present(row);
  }

  async list(accountId: string, request: PageRequest, cursors: Cursors): Promise<Page<SshKey>> {
    const rows = await this.store.listByAccount(accountId, request);
    return cursors.page('ssh_keys', request, rows, (r) => [r.created_at, r.id], (r) => present(r));
  }

  /** A new name, held to the create's rules; the key itself cannot change (add another). Names may repeat. */
  async patch(caller: Caller, id: string, patch: { name?: string }): Promise<SshKey> {
    await this.get(caller.accountId, id);
    await this.store.transaction((store, trx) =>
      writePatch(trx, { events: this.events, clock: this.clock }, caller, { id, event: 'ssh_key.updated', labelled: false, save: (_, changes) => store.patch(id, changes) }, withTrimmedName(patch)),
    );
    return this.get(caller.accountId, id);
  }

  async delete(caller: EventOrigin, id: string): Promise<void> {
    await this.store.transaction(async (store, trx) => {
      if (!(await store.delete(caller.accountId, id))) throw notFound(`SSH key ${id}`);
      await this.events.record(trx, caller, 'ssh_key.deleted', id, {});
    });
  }

  /** One detail per id that is not one of the account's keys, with field `ssh_keys[i]`; empty when all are. */
  async assertOwned(accountId: string, ids: string[]): Promise<ErrorDetail[]> {
    const owned = new Set((await this.store.findMany(accountId, ids)).map((row) => row.id));
    return ids.flatMap((id, i) => (owned.has(id) ? [] : [{ field: `ssh_keys[${i}]`, message: `Unknown SSH key ${id}` }]));
  }

  /** The public key lines of the account's keys among `ids`, in the order given, each once; unknown ids are skipped. */
  async publicKeys(accountId: string, ids: string[]): Promise<string[]> {
    const lines = new Map((await this.store.findMany(accountId, ids)).map((row) => [row.id, row.public_key]));
    return [...new Set(ids)].flatMap((id) => lines.get(id) ?? []);
  }

  private validate(input: NewSshKey): PublicKey {
    const problems: ErrorDetail[] = [];
    if (input.name.trim() === '') problems.push({ field: 'name', message: 'Must not be blank' });
    let key: PublicKey | undefined;
    try {
      key = parsePublicKey(input.publicKey);
    } catch (error) {
      if (!(error instanceof InvalidPublicKey)) throw error;
      problems.push({ field: 'public_key', message: error.message });
    }
    if (problems.length > 0 || key === undefined) throw validationFailed(problems);
    return key;
  }
}

/** Type and size are not stored: they are read back from the key itself, which was checked on the way in. */
function present(row: SshKeyRow, key: PublicKey = parsePublicKey(row.public_key)): SshKey {
  return {
    id: row.id,
    name: row.name,
    public_key: row.public_key,
    fingerprint: row.fingerprint,
    type: key.type,
    bits: key.bits,
    created_at: apiTime(row.created_at),
  };
}
