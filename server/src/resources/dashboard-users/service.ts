// Dashboard users: an account's owners, who sign in to the dashboard with an email and a password.
// Repeated failures for an email lock it out for a while, whether or not the email is known.
import { apiTime, storedTime, type Clock } from '../../clock.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { newId } from '../../ids.js';
import type { AccountLookup } from '../accounts/queries.js';
import { DEFAULT_SCRYPT_COST, decoyHash, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword, type ScryptCost } from './passwords.js';
import type { DashboardUsersStore } from './store.js';
import type { ErrorDetail } from '../../errors/api-error.js';
import { apiError, notFound, validationFailed } from '../../errors/catalog.js';

/** Failures within this window that lock an email… */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** …for this long. */
export const LOCKOUT_MS = 15 * 60_000;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export interface DashboardUser {
  id: string;
  account_id: string;
  email: string;
  created_at: string;
}

export type SignInResult = { ok: true; user: DashboardUser } | { ok: false; lockedForSeconds: number | null };

export class DashboardUsersService {
  private readonly decoy: string;

  constructor(
    private readonly store: DashboardUsersStore,
    private readonly accounts: AccountLookup,
    private readonly clock: Clock,
    /** Tests may pass a cheaper cost; every hash records the cost it was made with. */
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
  ) {
    this.decoy = decoyHash(cost);
  }

  async create(accountId: string, email: string, password: string): Promise<DashboardUser> {
    const normalized = email.trim().toLowerCase();
    const problems: ErrorDetail[] = [];
    if (!EMAIL.test(normalized) || normalized.length > 254) problems.push({ field: 'email', message: 'Must be an email address' });
    if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
      problems.push({ field: 'password', message: `Must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters` });
    }
    if (problems.length > 0) throw validationFailed(problems);
    if (!(await this.accounts.exists(accountId))) throw notFound(`Account ${accountId}`);
    const row = { id: newId('usr'), account_id: accountId, email: normalized, password_hash: await hashPassword(password, this.cost), created_at: storedTime(this.clock()) };
    try {
      await this.store.insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw apiError('name_taken', `A dashboard user ${normalized} already exists`, [{ field: 'email', message: 'Already in use' }]);
      throw error;
    }
    return present(row);
  }

  /** Checks the password unless the email is locked out; counts failures and locks after MAX_FAILURES. */
  async signIn(email: string, password: string): Promise<SignInResult> {
    const normalized = email.trim().toLowerCase();
    const now = this.clock();
    const lockedUntil = (await this.store.failures(normalized))?.locked_until;
    if (lockedUntil && Date.parse(lockedUntil) > now) return { ok: false, lockedForSeconds: Math.ceil((Date.parse(lockedUntil) - now) / 1000) };

    const user = await this.store.findByEmail(normalized);
    // Unknown emails cost a hash too, so timing does not tell which emails exist.
    const valid = await verifyPassword(password, user?.password_hash ?? this.decoy);
    if (user && valid) {
      await this.store.clearFailures(normalized);
      return { ok: true, user: present(user) };
    }
    const failures = await this.store.addFailure(normalized, storedTime(now), storedTime(now - FAILURE_WINDOW_MS));
    if (failures < MAX_FAILURES) return { ok: false, lockedForSeconds: null };
    await this.store.lock(normalized, storedTime(now + LOCKOUT_MS));
    return { ok: false, lockedForSeconds: LOCKOUT_MS / 1000 };
  }
}

function present(row: { id: string; account_id: string; email: string; created_at: string }): DashboardUser {
  return { id: row.id, account_id: row.account_id, email: row.email, created_at: apiTime(row.created_at) };
}
