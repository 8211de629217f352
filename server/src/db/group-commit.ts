// Group commit for SQLite. With synchronous=FULL every commit waits for an fsync (~2.5 ms on this
// kind of disk), and better-sqlite3 waits on the event loop's thread: each commit stalled every
// request in the process, and a create makes several (its idempotency key, its transaction, the
// worker's claim and finish). Like PostgreSQL's group commit, the writes that arrive together share
// one: each transaction runs in a savepoint of one open SQLite transaction, each write outside a
// transaction joins it too, and the transaction is committed (one fsync) COMMIT_DELAY_MS after a
// writer let go of the connection, so the writes of requests arriving meanwhile join, or at once
// when it is MAX_BATCH_MS old. Whoever wrote is answered only after that commit, so an
// acknowledged write is as durable as before; if the commit fails, all of them fail.
//
// Reads in this process see a batch's writes before their commit (the same connection): a reader
// may, for a few milliseconds, see a change whose writer is not yet answered. Other connections
// (the operator CLI) see it only once committed.
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { Database as BetterSqlite, Statement } from 'better-sqlite3';

/** How long a commit waits for more writers: short beside the fsync it saves them. */
const COMMIT_DELAY_MS = 2;
/** How long a batch may stay open while requests keep the connection busy. */
const MAX_BATCH_MS = 10;
const SAVEPOINT = 'cnx_group_tx';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The statements the connection runs, prepared once (statement-cache.ts). */
export type Prepare = (sql: string) => Statement;

class GroupCommitDriver implements Driver {
  private held = false;
  private readonly queue: (() => void)[] = [];
  private batch: { startedAt: number; waiters: Waiter[] } | null = null;
  private inTransaction = false;
  private commitTimer: NodeJS.Timeout | null = null;
  /** Whether the current holder of the connection wrote (then it waits for the batch's commit). */
  private wrote = false;
  private readonly connection: DatabaseConnection;

  constructor(
    private readonly sqlite: BetterSqlite,
    private readonly prepare: Prepare,
  ) {
    this.connection = { executeQuery: (query) => this.execute(query), streamQuery: () => { throw new Error('streaming is not supported'); } };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // Handed over by releaseConnection in arrival order, so a waiting writer is never overtaken forever.
    if (this.held) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.held = true;
    this.wrote = false;
    return this.connection;
  }

  async beginTransaction(): Promise<void> {
    this.open();
    this.run(`SAVEPOINT ${SAVEPOINT}`);
    this.inTransaction = true;
  }

  async commitTransaction(): Promise<void> {
    this.run(`RELEASE ${SAVEPOINT}`);
    this.inTransaction = false;
  }

  async rollbackTransaction(): Promise<void> {
    this.inTransaction = false;
    this.wrote = false;
    // Some errors (a full disk, I/O) make SQLite roll the whole transaction back: then the
    // batch's other writes are gone too, and their writers must hear it.
    if (!this.sqlite.inTransaction) return this.fail(new Error('SQLite rolled the group commit back'));
    this.run(`ROLLBACK TO ${SAVEPOINT}`);
    this.run(`RELEASE ${SAVEPOINT}`);
  }

  async releaseConnection(): Promise<void> {
    const durable = this.wrote && this.batch ? new Promise<void>((resolve, reject) => this.batch?.waiters.push({ resolve, reject })) : null;
    if (this.batch && Date.now() - this.batch.startedAt >= MAX_BATCH_MS) this.commit();
    else if (this.batch) this.commitSoon();
    this.handOver();
    await durable;
  }

  async destroy(): Promise<void> {
    if (this.commitTimer) clearTimeout(this.commitTimer);
    if (this.batch) this.commit();
    this.sqlite.close();
  }

  private handOver(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.held = false;
  }

  /** Commits the open batch once the connection is free, COMMIT_DELAY_MS from now. */
  private commitSoon(): void {
    this.commitTimer ??= setTimeout(() => {
      this.commitTimer = null;
      void this.acquireConnection().then(() => {
        if (this.batch) this.commit();
        this.handOver();
      });
    }, COMMIT_DELAY_MS);
  }

  private execute<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.prepare(query.sql);
    const parameters = query.parameters as unknown[];
    if (!statement.readonly) {
      // A write outside a transaction joins the batch too, instead of committing on its own.
      if (!this.inTransaction) this.open();
      this.wrote = true;
    }
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  private open(): void {
    if (this.batch) return;
    this.run('BEGIN');
    this.batch = { startedAt: Date.now(), waiters: [] };
  }

  private commit(): void {
    try {
      this.run('COMMIT');
    } catch (error) {
      if (this.sqlite.inTransaction) this.run('ROLLBACK');
      return this.fail(error);
    }
    const waiters = this.batch?.waiters ?? [];
    this.batch = null;
    for (const waiter of waiters) waiter.resolve();
  }

  private fail(error: unknown): void {
    const waiters = this.batch?.waiters ?? [];
    this.batch = null;
    for (const waiter of waiters) waiter.reject(error);
  }

  private run(text: string): void {
    this.prepare(text).run();
  }
}

/** Kysely's SQLite dialect with the group-committing driver. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: BetterSqlite,
    private readonly statements: Prepare,
  ) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new GroupCommitDriver(this.sqlite, this.statements);
  }
}
