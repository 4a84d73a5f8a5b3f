// `serve --demo`: on an empty database, the demo record (bench/generator) and one account per role, so a
// visitor can log in as each kind of user at once. Passwords are random and printed once at start, or all
// SANXIANG_DEMO_PASSWORD. Demo accounts are not forced to change their password.
import { writeRecord, DEFAULT_DEMO_CADRES, DEFAULT_SEED } from '../../bench/generator/index.js';
import { recordIsEmpty } from '../../bench/generator/store-utils.js';
import type { RecordStore } from '../store/types.js';
import { generatePassword, hashPassword, passwordProblem } from './accounts/password.js';
import { countUsers, insertUser } from './accounts/users.js';
import { dbOf, type AnyDb } from './context.js';
import type { Role } from './roles.js';
import { kindCond, listRecords } from './scope.js';
import { addDemoMatters } from './demo-matters.js';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  /** unit name the account is bound to ('' = the whole record) */
  scope: string;
  password: string;
}

interface Spec {
  username: string;
  role: Role;
  displayName: string;
  unit?: string;
  cadreOf?: string;
}

const SPECS: Spec[] = [
  { username: 'org_officer', role: 'org_officer', displayName: '组织部门干部（演示）' },
  { username: 'discipline_officer', role: 'discipline_officer', displayName: '纪检监察干部（演示）' },
  { username: 'accountability_officer', role: 'accountability_officer', displayName: '问责部门干部（演示）' },
  { username: 'committee_member', role: 'committee_member', displayName: '党委成员（演示）' },
  {
    username: 'unit_liaison',
    role: 'unit_liaison',
    displayName: '如东县人民检察院联络员（演示）',
    unit: '如东县人民检察院',
  },
  { username: 'cadre', role: 'cadre', displayName: '干部本人（演示）', cadreOf: '如东县人民检察院' },
  { username: 'sysadmin', role: 'sys_admin', displayName: '系统管理员（演示）' },
  { username: 'secadmin', role: 'security_admin', displayName: '安全管理员（演示）' },
  { username: 'auditadmin', role: 'audit_admin', displayName: '审计管理员（演示）' },
  { username: 'city_org', role: 'org_officer', displayName: '南通市委组织部干部（演示）', unit: '南通市' },
];

export interface DemoOptions {
  cadres?: number;
  seed?: number;
  /** one password for every account (SANXIANG_DEMO_PASSWORD); random ones otherwise */
  password?: string;
  /** build the record when the database has none (default true; false = accounts only) */
  record?: boolean;
  onProgress?: (message: string) => void;
}

export interface DemoResult {
  recordBuilt: boolean;
  /** empty when accounts existed already */
  accounts: DemoAccount[];
}

async function unitIdByName(store: RecordStore, name: string): Promise<string | undefined> {
  return (await store.repo('units').list({ where: { name }, limit: 1 }))[0]?.id;
}

/**
 * The generated record's tolerance requests came through no account, so only the roles that see every case file
 * would see them. In the demo the unit liaison has filed those about its unit (and the cadres it manages) and the
 * accountability officer the other cadres' (tolerance review started during accountability), so each sees the
 * case files it takes part in (case-files.ts). Requests of units elsewhere stay unfiled.
 */
async function fileDemoRequests(db: AnyDb): Promise<void> {
  const account = (username: string) =>
    db.selectFrom('users').select(['id', 'unit_id']).where('username', '=', username).executeTakeFirst() as Promise<
      { id: string; unit_id: string | null } | undefined
    >;
  const liaison = await account('unit_liaison');
  if (liaison?.unit_id)
    await db
      .updateTable('tolerance_requests')
      .set({ filed_by: liaison.id })
      .where('filed_by', 'is', null)
      .where(kindCond('toleranceRequests', { kind: 'subtree', root: liaison.unit_id, caseFiles: { kind: 'inScope' } }))
      .execute();
  const accountability = await account('accountability_officer');
  if (accountability)
    await db
      .updateTable('tolerance_requests')
      .set({ filed_by: accountability.id })
      .where('filed_by', 'is', null)
      .where('subject_type', '=', 'cadre')
      .execute();
}

export async function ensureDemo(store: RecordStore, opts: DemoOptions = {}): Promise<DemoResult> {
  let recordBuilt = false;
  if (opts.record !== false && (await recordIsEmpty(store))) {
    const cadres = opts.cadres ?? DEFAULT_DEMO_CADRES;
    opts.onProgress?.(`生成演示记录 building the demo record (${cadres} cadres)…`);
    await writeRecord(store, { cadres, seed: opts.seed ?? DEFAULT_SEED });
    await store.analyze();
    recordBuilt = true;
  }
  const db = dbOf(store);
  if ((await countUsers(db)) > 0) return { recordBuilt, accounts: [] };
  if (opts.password) {
    const weak = passwordProblem(opts.password);
    if (weak) throw new Error(`SANXIANG_DEMO_PASSWORD: ${weak.reason_zh} (${weak.reason})`);
  }
  const accounts: DemoAccount[] = [];
  const rows: { spec: Spec; unitId: string | null; cadreId: string | null; password: string; hash: string }[] = [];
  let sharedHash: string | undefined;
  for (const spec of SPECS) {
    const unitName = spec.unit ?? spec.cadreOf;
    const unitId = unitName ? ((await unitIdByName(store, unitName)) ?? null) : null;
    let cadreId: string | null = null;
    if (spec.cadreOf && unitId)
      // a cadre managed within the unit's subtree, so the liaison and the city's officer reach them too
      cadreId =
        (await listRecords(store, { role: 'org_officer', unitId, cadreId: null }, 'cadres', { limit: 1 })).items[0]
          ?.id ?? null;
    if (spec.cadreOf && !cadreId) cadreId = (await store.repo('cadres').list({ limit: 1 }))[0]?.id ?? null;
    const password = opts.password ?? generatePassword();
    // one shared demo password is hashed once (argon2 is deliberately slow)
    const hash = opts.password ? (sharedHash ??= await hashPassword(opts.password)) : await hashPassword(password);
    rows.push({ spec, unitId: spec.unit ? unitId : null, cadreId, password, hash });
  }
  await store.transaction(async (tx) => {
    const txdb = dbOf(tx);
    for (const r of rows)
      await insertUser(
        txdb,
        {
          username: r.spec.username,
          displayName: r.spec.displayName,
          role: r.spec.role,
          unitId: r.unitId,
          cadreId: r.cadreId,
          passwordHash: r.hash,
          mustChangePassword: false,
        },
        new Date(),
      );
    await fileDemoRequests(txdb);
    await addDemoMatters(tx, rows.find((r) => r.spec.role === 'cadre')?.cadreId ?? null);
  });
  for (const r of rows)
    accounts.push({
      username: r.spec.username,
      role: r.spec.role,
      displayName: r.spec.displayName,
      scope: r.spec.unit ?? (r.spec.cadreOf ? `本人 ${r.cadreId ?? ''}` : ''),
      password: r.password,
    });
  return { recordBuilt, accounts };
}
