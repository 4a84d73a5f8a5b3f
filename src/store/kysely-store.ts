// The RecordStore on Kysely, one implementation for SQLite and PostgreSQL. A store is either the root (each write
// opens its own transaction) or bound to a transaction (writes join it; a nested `transaction` is a savepoint).
import { sql } from 'kysely';
import type { NewRecord, RecordKind, RecordKinds } from '../domain/entities.js';
import type { Facts } from '../domain/facts.js';
import { JURISDICTION_PACKS } from '../domain/vocabulary.js';
import { insertManyPostgres, insertManySqlite } from './bulk.js';
import { afterWrite } from './derived.js';
import { announce, type Written } from './write-listeners.js';
import { refreshStatistics } from './statistics.js';
import { lockUnitTree } from './unit-tree.js';
import type { AnyDb, Connection } from './connect.js';
import { mapped } from './errors.js';
import { decodeFields, encodeFields, encryptedFields } from './field-codec.js';
import { loadFacts } from './facts-loader.js';
import { TABLES, rowToEntity, toDb, type TableDef } from './schema.js';
import {
  ConflictError,
  NotFoundError,
  type ListQuery,
  type PackStats,
  type RecordStore,
  type Repository,
} from './types.js';

export class KyselyStore implements RecordStore {
  readonly dialect: 'sqlite' | 'postgres';
  private readonly repos = new Map<RecordKind, Repository<RecordKind>>();

  constructor(
    readonly conn: Connection,
    /** the root Kysely instance or the open transaction */
    readonly db: AnyDb,
    /** how many transactions/savepoints enclose this store (0 = root) */
    readonly depth: number,
    private readonly onClose?: () => Promise<void>,
    /** the writes of the enclosing root transaction, announced once it commits (write-listeners.ts) */
    private readonly written?: Written[],
  ) {
    this.dialect = conn.dialect;
  }

  repo<K extends RecordKind>(kind: K): Repository<K> {
    if (!TABLES[kind]) throw new Error(`未知的记录类型 (unknown record kind: ${String(kind)})`);
    let r = this.repos.get(kind);
    if (!r) this.repos.set(kind, (r = new KyselyRepository(this, kind) as unknown as Repository<RecordKind>));
    return r as unknown as Repository<K>;
  }

  async transaction<T>(fn: (tx: RecordStore) => Promise<T>): Promise<T> {
    if (this.depth === 0) {
      const written: Written[] = [];
      const result = await this.db
        .transaction()
        .execute((trx) => fn(new KyselyStore(this.conn, trx, 1, undefined, written)));
      announce(this.conn, written);
      return result;
    }
    // Nested: a savepoint, so a failure inside undoes only the inner work and the caller may carry on.
    const sp = sql.raw(`sp_${this.depth}`);
    await sql`savepoint ${sp}`.execute(this.db);
    try {
      const result = await fn(new KyselyStore(this.conn, this.db, this.depth + 1, undefined, this.written));
      await sql`release savepoint ${sp}`.execute(this.db);
      return result;
    } catch (e) {
      await sql`rollback to savepoint ${sp}`.execute(this.db);
      await sql`release savepoint ${sp}`.execute(this.db);
      throw e;
    }
  }

  /** Runs `fn` in this store's transaction, or in a new one when this is the root store. */
  async write<T>(
    kind: RecordKind,
    fn: (db: AnyDb, note: (w: Omit<Written, 'kind'>) => void) => Promise<T>,
  ): Promise<T> {
    // what the write changed, announced to the listeners once its transaction commits (never before: a listener
    // reading the record must find the change there)
    const own: Written[] = [];
    const note = (w: Omit<Written, 'kind'>) => (this.written ?? own).push({ kind, ...w });
    // writes of units take turns on PostgreSQL, so each checks the tree for loops as the one before left it
    const run = async (db: AnyDb) => {
      if (kind === 'units') await lockUnitTree(db, this.dialect);
      return fn(db, note);
    };
    if (this.depth > 0) return mapped(kind, () => run(this.db));
    const result = await mapped(kind, () => this.db.transaction().execute((trx) => run(trx)));
    announce(this.conn, own);
    return result;
  }

  async insertMany<K extends RecordKind>(kind: K, rows: NewRecord<K>[]): Promise<void> {
    if (!TABLES[kind]) throw new Error(`未知的记录类型 (unknown record kind: ${String(kind)})`);
    if (rows.length === 0) return;
    const sqlite = this.conn.sqlite;
    if (this.conn.codec && encryptedFields(kind)) rows = rows.map((r) => encodeFields(kind, r, this.conn.codec));
    await this.write(kind, async (db, note) => {
      // Inside the transaction we hold SQLite's only connection, so direct statements are part of it.
      if (sqlite) insertManySqlite(sqlite, kind, rows);
      else await insertManyPostgres(db, kind, rows);
      await afterWrite(db, kind, { added: rows as unknown as Record<string, unknown>[], removed: [] }, sqlite);
      note({ added: rows as unknown as Record<string, unknown>[], removed: [] });
    });
  }

  async existingIds(kind: RecordKind, ids: readonly string[]): Promise<Set<string>> {
    const def = TABLES[kind];
    const found = new Set<string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.db
        .selectFrom(def.table)
        .select('id')
        .where('id', 'in', unique.slice(i, i + 500))
        .execute();
      for (const r of rows) found.add(r.id as string);
    }
    return found;
  }

  async stats(): Promise<PackStats> {
    // Walk the tree from the roots down, carrying the nearest binding; cadres count under the pack of their
    // managing unit (grouped first, so the join is over units, not over a million cadres).
    const { rows } = await sql<{ pack: string | null; units: number | string; cadres: number | string }>`
      with recursive tree(id, pack) as (
        select id, pack from units where parent_id is null
        union all
        select u.id, coalesce(u.pack, tree.pack) from units u join tree on u.parent_id = tree.id
      ),
      per_unit(unit_id, n) as (
        select managing_unit_id, count(*) from cadres group by managing_unit_id
      )
      select tree.pack as pack, count(*) as units, coalesce(sum(per_unit.n), 0) as cadres
      from tree left join per_unit on per_unit.unit_id = tree.id
      group by tree.pack`.execute(this.db);
    const out: PackStats = {};
    for (const p of JURISDICTION_PACKS) out[p] = { units: 0, cadres: 0 };
    for (const r of rows) {
      if (r.pack === null) continue; // units bound to no rulebook at all
      out[r.pack] = { units: Number(r.units), cadres: Number(r.cadres) };
    }
    return out;
  }

  loadFacts(asOf: string): Promise<Facts> {
    return loadFacts(this, asOf);
  }

  async analyze(): Promise<void> {
    await refreshStatistics(this.db);
  }

  async close(): Promise<void> {
    if (this.depth > 0) throw new Error('cannot close a transaction-bound store');
    await this.db.destroy();
    await this.onClose?.();
  }
}

const LIKE_ESCAPE = /[\\%_]/g;

class KyselyRepository<K extends RecordKind> implements Repository<K> {
  private readonly def: TableDef;

  constructor(
    private readonly store: KyselyStore,
    private readonly kind: K,
  ) {
    this.def = TABLES[kind];
  }

  private column(field: string): string {
    const c = this.def.byField.get(field);
    if (!c) throw new Error(`未知字段 (unknown field ${this.kind}.${field})`);
    return c.column;
  }

  private entity(row: Record<string, unknown>): RecordKinds[K] {
    return decodeFields(this.kind, rowToEntity<RecordKinds[K]>(this.def, row), this.store.conn.codec);
  }

  private values(row: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(row)) {
      if (skip.has(field) || value === undefined) continue;
      const c = this.def.byField.get(field);
      if (!c) throw new Error(`未知字段 (unknown field ${this.kind}.${field})`);
      out[c.column] = toDb(c, value, this.store.dialect);
    }
    return out;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private filtered(q: ListQuery | undefined, query: any): any {
    for (const [field, value] of Object.entries(q?.where ?? {})) {
      const col = this.column(field);
      // a ciphertext has a random IV: equality on it can never match, so say so instead of returning nothing
      if (this.store.conn.codec && encryptedFields(this.kind)?.includes(field) && value !== null)
        throw new Error(`加密字段不能用于筛选 (cannot filter on encrypted field ${this.kind}.${field})`);
      query =
        value === null
          ? query.where(col, 'is', null)
          : query.where(col, '=', toDb(this.def.byField.get(field)!, value, this.store.dialect));
    }
    if (q?.search) {
      const pattern = `%${q.search.replace(LIKE_ESCAPE, (c) => '\\' + c)}%`;
      query = query.where(sql`${sql.ref(this.def.searchColumn)} like ${pattern} escape '\\'`);
    }
    return query;
  }

  async get(id: string): Promise<RecordKinds[K] | undefined> {
    const row = await this.store.db.selectFrom(this.def.table).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.entity(row) : undefined;
  }

  async list(q?: ListQuery): Promise<RecordKinds[K][]> {
    let query = this.filtered(q, this.store.db.selectFrom(this.def.table).selectAll());
    if (q?.orderBy) {
      // 'field', 'field desc' or '-field'
      const m = /^(-)?(\w+)(?:\s+(asc|desc))?$/i.exec(q.orderBy.trim());
      if (!m) throw new Error(`无效的排序 (bad orderBy: ${q.orderBy})`);
      const desc = m[1] === '-' || m[3]?.toLowerCase() === 'desc';
      query = query.orderBy(this.column(m[2]!), desc ? 'desc' : 'asc');
    }
    query = query.orderBy('id'); // a stable order, so offset/limit pages neither skip nor repeat rows
    if (q?.limit !== undefined) query = query.limit(q.limit);
    // SQLite wants a LIMIT before OFFSET (-1 = none); PostgreSQL rejects a negative one.
    if (q?.offset)
      query = (q.limit === undefined && this.store.dialect === 'sqlite' ? query.limit(-1) : query).offset(q.offset);
    const rows = (await query.execute()) as Record<string, unknown>[];
    return rows.map((r) => this.entity(r));
  }

  async count(q?: ListQuery): Promise<number> {
    const query = this.filtered(
      q,
      this.store.db.selectFrom(this.def.table).select((eb) => eb.fn.countAll().as('n')),
    );
    const row = (await query.executeTakeFirst()) as { n: number | string | bigint };
    return Number(row.n);
  }

  async insert(row: NewRecord<K>): Promise<RecordKinds[K]> {
    const encoded = encodeFields(this.kind, row as Record<string, unknown>, this.store.conn.codec);
    const values = { ...this.values(encoded, SKIP_VERSION), version: 1 };
    return this.store.write(this.kind, async (db, note) => {
      const inserted = this.entity(
        await db.insertInto(this.def.table).values(values).returningAll().executeTakeFirstOrThrow(),
      );
      await afterWrite(
        db,
        this.kind,
        { added: [inserted as unknown as Record<string, unknown>], removed: [] },
        this.store.conn.sqlite,
      );
      note({ added: [inserted as unknown as Record<string, unknown>], removed: [] });
      return inserted;
    });
  }

  async update(id: string, version: number, patch: Partial<NewRecord<K>>): Promise<RecordKinds[K]> {
    const encoded = encodeFields(this.kind, patch as Record<string, unknown>, this.store.conn.codec);
    const values = this.values(encoded, SKIP_ID_VERSION);
    return this.store.write(this.kind, async (db, note) => {
      const before = await this.rowBefore(db, id);
      const updated = await db
        .updateTable(this.def.table)
        .set({ ...values, version: sql`version + 1` })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw await this.missOrConflict(db, id);
      const after = this.entity(updated);
      await afterWrite(
        db,
        this.kind,
        { added: [after as unknown as Record<string, unknown>], removed: before },
        this.store.conn.sqlite,
      );
      note({ added: [after as unknown as Record<string, unknown>], removed: before });
      return after;
    });
  }

  async delete(id: string, version: number): Promise<void> {
    await this.store.write(this.kind, async (db, note) => {
      const before = await this.rowBefore(db, id);
      const res = await db
        .deleteFrom(this.def.table)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw await this.missOrConflict(db, id);
      await afterWrite(db, this.kind, { added: [], removed: before }, this.store.conn.sqlite);
      note({ added: [], removed: before });
    });
  }

  /** The row as stored now (none if missing), for the derived indexes of a write about to change it. */
  private async rowBefore(db: AnyDb, id: string): Promise<Record<string, unknown>[]> {
    const row = await db.selectFrom(this.def.table).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? [this.entity(row) as unknown as Record<string, unknown>] : [];
  }

  private async missOrConflict(db: AnyDb, id: string): Promise<Error> {
    const exists = await db.selectFrom(this.def.table).select('id').where('id', '=', id).executeTakeFirst();
    return exists ? new ConflictError(this.kind, id) : new NotFoundError(this.kind, id);
  }

  async *iterate(pageSize = 1000): AsyncIterable<RecordKinds[K][]> {
    let after: string | undefined;
    for (;;) {
      let query = this.store.db.selectFrom(this.def.table).selectAll().orderBy('id').limit(pageSize);
      if (after !== undefined) query = query.where('id', '>', after);
      const rows = (await query.execute()) as Record<string, unknown>[];
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.id as string;
      yield rows.map((r) => this.entity(r));
      if (rows.length < pageSize) return;
    }
  }
}

const SKIP_VERSION: ReadonlySet<string> = new Set(['version']);
const SKIP_ID_VERSION: ReadonlySet<string> = new Set(['id', 'version']);
