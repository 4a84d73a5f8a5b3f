// Keeping the alert list in step with the record.
//   - After a write (store/write-listeners.ts) the subjects it concerns are queued, and re-evaluated in its wake,
//     one batch at a time: a cadre's facts → that cadre's alerts (its region is evaluated, as for its explanation);
//     a unit's facts → every subject of the unit's region, since the unit's rules reach its leaders and rules
//     compare units (rankings, 本地区 counts) within the region.
//   - A full scan (scheduled, daily by default) evaluates the whole record: findings that depend on the date alone
//     (a period running out, a 连续两年 window moving) change without any write.
// Refreshes and scans run one after the other, never side by side, so two of them never reconcile the same alerts
// from different states of the record.
import type { PackRegistry } from '../../policy/engine.js';
import { FactIndex } from '../../policy/fact-index.js';
import { alertsOf, type ReconcileResult } from '../../store/alerts.js';
import { LocalParamsInForce } from '../params/in-force.js';
import { cadreUnitFrom, loadFacts, loadSubjectFactsFrom, loadUnitPeopleFrom } from '../../store/facts-loader.js';
import { SnapshotReader } from '../../store/snapshot-reader.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { onWritten, type Written } from '../../store/write-listeners.js';
import { emptyFacts, type Facts } from '../../domain/facts.js';
import { alertRules, findAlertsUnder, localAlertRules, subjectsOfWrites } from './alerts.js';
import { scanAllParallel } from './alerts-scan.js';

export interface RefreshOptions {
  /** the date alerts are evaluated on (today) */
  today: () => string;
  /** the time written into the alerts' history */
  now: () => Date;
  onError?: (e: unknown) => void;
  /**
   * SQLite: threads for the full scan (alerts-scan.ts; default 1, the single-thread scan on this thread). With 2 the
   * regions are read and evaluated on worker threads (bench/RESULTS.md), off the thread serving requests.
   */
  scanThreads?: number;
}

/** Evaluates the adjustment rules on `facts` and reconciles the alerts of `subjects` ('all': every alert). */
export async function reconcileFacts(
  store: KyselyStore,
  registry: PackRegistry,
  facts: Facts,
  subjects: ReadonlySet<string> | 'all',
  asOf: string,
  at: string,
  /** only these alert rules (the neighbourhood refresh); default every alert rule */
  rules?: ReadonlySet<string>,
): Promise<ReconcileResult> {
  const local = await LocalParamsInForce.load(store, registry, asOf);
  const findings = findAlertsUnder(registry, facts, asOf, local, subjects, rules ?? alertRules(registry));
  return alertsOf(store).reconcile(findings, subjects, asOf, at, rules);
}

/** The full scan: every alert rule over the whole record on `asOf`. */
export async function scanAll(
  store: KyselyStore,
  registry: PackRegistry,
  asOf: string,
  at: string,
): Promise<ReconcileResult> {
  const facts = await loadFacts(store, asOf);
  return reconcileFacts(store, registry, facts, 'all', asOf, at);
}

const refreshers = new WeakMap<KyselyStore, AlertRefresher>();

/** The refresher keeping a store's alert list in step (tests wait on it with `settled()`). */
export function alertRefresherOf(store: KyselyStore): AlertRefresher | undefined {
  return refreshers.get(store);
}

export class AlertRefresher {
  private readonly cadres = new Set<string>();
  /** queued cadres named by a write the neighbourhood refresh cannot take (alerts.ts NARROW_KINDS) */
  private readonly wide = new Set<string>();
  private readonly units = new Set<string>();
  private readonly localRules: ReadonlySet<string>;
  private tail: Promise<unknown> = Promise.resolve();
  private queued = false;
  private readonly stop: () => void;
  private readonly reader: SnapshotReader;

  constructor(
    private readonly store: KyselyStore,
    private readonly registry: PackRegistry,
    private readonly opts: RefreshOptions,
  ) {
    this.reader = new SnapshotReader(store);
    this.localRules = localAlertRules(registry);
    this.stop = onWritten(store.conn, (w) => this.note(w));
    refreshers.set(store, this);
  }

  /** Queues the subjects of committed writes for re-evaluation. */
  note(written: readonly Written[]): void {
    // the alert list's own tables are not record kinds: they never reach here, so a refresh does not feed itself
    const { cadres, units, wide } = subjectsOfWrites(written);
    for (const c of cadres) this.cadres.add(c);
    for (const c of wide) this.wide.add(c);
    for (const u of units) this.units.add(u);
    if (!this.queued && (this.cadres.size || this.units.size)) {
      this.queued = true;
      this.enqueue(async () => {
        this.queued = false;
        await this.drain();
      });
    }
  }

  /** Runs a full scan after whatever is queued before it. */
  scan(): Promise<ReconcileResult> {
    return this.enqueue(() => {
      const [asOf, at] = [this.opts.today(), this.opts.now().toISOString()];
      // SQLite, when asked: the regions over worker threads, each on a read connection of its own
      const threads = this.opts.scanThreads ?? 1;
      if (this.store.conn.sqlite && threads > 1 && this.store.conn.location !== ':memory:')
        return scanAllParallel(this.store, this.registry, asOf, at, { threads });
      return scanAll(this.store, this.registry, asOf, at);
    });
  }

  /** Resolves when everything queued so far is done (tests; a request that must read its own write's alerts). */
  async settled(): Promise<void> {
    for (;;) {
      const tail = this.tail;
      await tail.catch(() => undefined);
      if (tail === this.tail && !this.queued) return;
    }
  }

  close(): void {
    this.stop();
    // the read connection goes once the refreshes queued so far are done
    void this.settled().then(() => this.reader.close());
    if (refreshers.get(this.store) === this) refreshers.delete(this.store);
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.catch(() => undefined).then(job);
    this.tail = run.catch((e: unknown) => this.opts.onError?.(e));
    return run;
  }

  // read on a connection of its own, in a read transaction: the write connection stays free for other writers
  private region(asOf: string, subject: { cadre: string } | { unit: string }) {
    return this.reader.read((db, sqlite) => loadSubjectFactsFrom(db, asOf, subject, sqlite));
  }

  private async drain(): Promise<void> {
    const units = [...this.units];
    const cadres = [...this.cadres];
    const wide = new Set(this.wide);
    this.units.clear();
    this.cadres.clear();
    this.wide.clear();
    const asOf = this.opts.today();
    const at = this.opts.now().toISOString();
    const done = new Set<string>();
    for (const unit of units) {
      if (done.has(unit)) continue;
      const { facts, root } = await this.region(asOf, { unit });
      const subjects = new Set<string>([unit]);
      if (root !== undefined) {
        const idx = new FactIndex(facts);
        // the units above the region's top are loaded for the chain of rulebooks only: not the region's subjects
        const above = new Set(idx.ancestry(root).map((u) => u.id));
        above.delete(root);
        for (const u of facts.units) if (!above.has(u.id)) subjects.add(u.id);
        for (const c of facts.cadres) subjects.add(c.id);
      }
      await reconcileFacts(this.store, this.registry, facts, subjects, asOf, at);
      for (const s of subjects) done.add(s);
    }
    // a cadre whose own record changed (NARROW_KINDS): the rules comparing within the neighbourhood (the cadre's
    // unit, the units above, the unit's cadres) over that neighbourhood alone; the reaching rules read nothing such
    // a write changes, so their alerts stand
    const narrowDone = new Set<string>();
    for (const cadre of cadres) {
      if (done.has(cadre) || wide.has(cadre) || narrowDone.has(cadre)) continue;
      const near = await this.reader.read(async (db, sqlite) => {
        const unit = await cadreUnitFrom(db, cadre, asOf);
        return unit === undefined ? undefined : { unit, facts: await loadUnitPeopleFrom(db, unit, asOf, sqlite) };
      });
      const subjects = new Set<string>([cadre]);
      if (near) {
        subjects.add(near.unit);
        for (const c of near.facts.cadres) subjects.add(c.id);
      }
      await reconcileFacts(this.store, this.registry, near?.facts ?? emptyFacts(), subjects, asOf, at, this.localRules);
      for (const s of subjects) narrowDone.add(s);
    }
    for (const cadre of cadres) {
      if (done.has(cadre) || !wide.has(cadre)) continue;
      const { facts } = await this.region(asOf, { cadre });
      // other queued cadres of the same region are reconciled from the same evaluation
      const subjects = new Set<string>([cadre]);
      const queued = wide;
      for (const c of facts.cadres) if (queued.has(c.id) && !done.has(c.id)) subjects.add(c.id);
      await reconcileFacts(this.store, this.registry, facts, subjects, asOf, at);
      for (const s of subjects) done.add(s);
    }
  }
}
