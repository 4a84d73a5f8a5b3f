// Beside a tolerance case: the 澄清正名 case that follows it (陕西, on the case engine), the referral of a false
// accusation (诬告陷害) for 查处, 安徽's 失信“黑名单”, and 焦作's pre-event filings a case relies on. Each is recorded
// only where the pack's text provides it (src/packs/<id>/procedures/side.ts), with the article, by the officers who
// act for the handling organ, and in one transaction with the caller's audit entry. Filings are seen like
// accountability matters: the officers of 纪检监察, 问责 and 组织 within 干部管理权限, and the cadre in charge.
import { randomUUID } from 'node:crypto';
import { isDate } from '../../domain/dates.js';
import {
  FILING_KINDS,
  FILING_KIND_LABELS,
  filedInTime,
  filingFlags,
  type FilingKind,
  type SideProvisions,
} from '../../domain/side-procedures.js';
import type { ActorSpec } from '../../domain/procedure.js';
import { casesOf, type CaseRow } from '../../store/cases.js';
import { sideOf, type BlacklistRow, type FilingRow, type ReferralRow } from '../../store/tolerance-side.js';
import type { RecordStore } from '../../store/types.js';
import { stands, UnitChains, type Actor, type CaseWhere } from './actors.js';
import { ToleranceCases, type AlsoInTransaction, type StepRequest } from './cases.js';
import { CaseForbiddenError, CaseInputError, CaseNotFoundError } from './errors.js';
import { sideProvisions } from './side-provisions.js';

/** A filing that does not exist or that the person may not see (the same answer, as for an out-of-scope cadre). */
export class FilingNotFoundError extends Error {
  constructor(readonly filingId: string) {
    super(`备案记录不存在 (not found: filing ${filingId})`);
  }
}

/** Work done in the same transaction as a side record (the server's audit entry). */
export type AlsoWithRecord = (tx: RecordStore, id: string) => Promise<void>;

// The officers who record a referral or a list entry for the handling organ: those who run the case and the matter.
const RECORDER: ActorSpec = {
  roles: ['discipline_officer', 'accountability_officer'],
  scope: 'handling',
  body: '纪检监察机关或问责机关',
};
// Filings are entered like accountability matters are written: by 纪检监察 and the 问责/职能部门 within scope.
const FILING_WRITERS = new Set(['discipline_officer', 'accountability_officer']);
// ...and read like them (matter-reach.ts): 组织部门 too, and the cadre in charge of the work.
const FILING_READERS = new Set(['discipline_officer', 'accountability_officer', 'org_officer']);

const where = (c: CaseRow): CaseWhere => ({
  subjectType: c.subjectType,
  subjectId: c.subjectId,
  handlingUnitId: c.handlingUnitId,
  subjectUnitId: c.subjectType === 'unit' ? c.subjectId : c.handlingUnitId,
});

function text(v: unknown, field: string, label: string, max = 2000): string {
  if (typeof v !== 'string' || !v.trim())
    throw new CaseInputError(field, `缺少必填项：${label}`, `${field} is required`);
  if (v.length > max)
    throw new CaseInputError(field, `${label}：不能超过${max}个字`, `${field} is longer than ${max} characters`);
  return v.trim();
}

function date(v: unknown, field: string, label: string): string {
  if (!isDate(v)) throw new CaseInputError(field, `${label}：日期格式应为 YYYY-MM-DD`, `${field} must be a date`);
  return v;
}

function optionalDate(v: unknown, field: string, label: string): string | null {
  return v === undefined || v === null || v === '' ? null : date(v, field, label);
}

export interface ClarificationRequest extends StepRequest {
  /** the tolerance case the clarification follows; its subject and matter are taken from it */
  follows?: string;
  /** without `follows`: the cadre or unit, and `inputs.matter` */
  subject?: { type: 'cadre' | 'unit'; id: string };
  matterVisible?: (matterId: string) => Promise<boolean>;
}

export interface ReferralRequest {
  on: string;
  accuser: unknown;
  conduct: unknown;
  referredTo: unknown;
}

export interface BlacklistRequest {
  on: string;
  referral: unknown;
  person: unknown;
  conduct: unknown;
  decidedBy: unknown;
}

export interface FilingRequest {
  kind: unknown;
  unit: unknown;
  cadre?: unknown;
  title: unknown;
  startedOn: unknown;
  assessedOn?: unknown;
  filedOn?: unknown;
  governmentApprovedOn?: unknown;
  reportedTo?: unknown;
  upperApprovedOn?: unknown;
}

/** A filing as people read it: what it is, and whether it was made as the text requires. */
export function filingView(f: FilingRow, p: SideProvisions | undefined) {
  const spec = p?.preEventFilings.find((x) => x.kind === f.kind);
  return {
    ...f,
    kindLabel: FILING_KIND_LABELS[f.kind],
    inTime: filedInTime(f),
    article: spec ? `${spec.citation.document} ${spec.citation.article}` : null,
    requirement: spec?.citation.quote ?? null,
  };
}

export class ToleranceSide {
  private readonly cases: ToleranceCases;

  constructor(
    private readonly store: RecordStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.cases = new ToleranceCases(store, { now });
  }

  /** Starts a 澄清正名 case, after a tolerance case (linked to it) or inside a matter. */
  async startClarification(actor: Actor, req: ClarificationRequest, also?: AlsoInTransaction): Promise<CaseRow> {
    let subject = req.subject;
    const inputs = { ...(req.inputs ?? {}) };
    let follows: CaseRow | undefined;
    if (req.follows !== undefined) {
      try {
        follows = await this.cases.visible(actor, req.follows);
      } catch (e) {
        if (e instanceof CaseNotFoundError)
          throw new CaseInputError('follows', '所依据的容错案件不存在或无权查看', 'follows: no such case you may see');
        throw e;
      }
      if (follows.procedure !== 'tolerance')
        throw new CaseInputError('follows', '澄清正名只能跟随容错案件', 'follows must name a tolerance case');
      subject = { type: follows.subjectType, id: follows.subjectId };
      inputs.matter ??= follows.matterId;
      if (inputs.matter !== follows.matterId)
        throw new CaseInputError(
          'inputs.matter',
          '问责事项与所依据的容错案件不一致',
          'matter differs from the followed case',
        );
    }
    if (!subject) throw new CaseInputError('subject', '请指明所涉干部或单位', 'subject or follows is required');
    const linked = follows;
    return this.cases.start(
      actor,
      {
        ...req,
        inputs,
        subject,
        procedure: 'clarification',
        // the followed case was visible to the person, so its matter is too
        matterVisible: linked ? async () => true : req.matterVisible,
      },
      async (tx, row, s) => {
        if (linked) await sideOf(tx).link(row.id, linked.id);
        await also?.(tx, row, s);
      },
    );
  }

  private async recorderOn(actor: Actor, caseId: string): Promise<CaseRow> {
    const c = await this.cases.visible(actor, caseId);
    if (!(await stands(new UnitChains(this.store), actor, RECORDER, where(c))))
      throw new CaseForbiddenError(
        '此项应由办理案件的纪检监察机关或问责机关记录',
        'only the handling organ records this',
      );
    return c;
  }

  /** Records that a false accusation (诬告陷害) found in the case was referred for 查处. */
  async refer(actor: Actor, caseId: string, req: ReferralRequest, also?: AlsoWithRecord): Promise<ReferralRow> {
    const c = await this.recorderOn(actor, caseId);
    const p = sideProvisions(c.pack)?.falseAccusation;
    if (!p)
      throw new CaseInputError(
        'referral',
        '本地规定没有查处诬告陷害的条款',
        `${c.pack} states no false-accusation provision`,
      );
    const row: ReferralRow = {
      id: randomUUID(),
      caseId: c.id,
      pack: c.pack,
      onDate: date(req.on, 'on', '日期'),
      accuser: text(req.accuser, 'accuser', '诬告者', 200),
      conduct: text(req.conduct, 'conduct', '诬告陷害行为'),
      referredTo: text(req.referredTo, 'referredTo', '移送查处的机关', 200),
      article: `${p.citation.document} ${p.citation.article}`,
      recordedBy: actor.userId ?? null,
      recordedAt: this.now().toISOString(),
    };
    await this.store.transaction(async (tx) => {
      await sideOf(tx).addReferral(row);
      await also?.(tx, row.id);
    });
    return row;
  }

  /** Enters a person in 安徽's 失信“黑名单” for a false accusation referred from the case. */
  async blacklist(actor: Actor, caseId: string, req: BlacklistRequest, also?: AlsoWithRecord): Promise<BlacklistRow> {
    const c = await this.recorderOn(actor, caseId);
    const p = sideProvisions(c.pack)?.creditBlacklist;
    if (!p) throw new CaseInputError('blacklist', '本地规定没有失信“黑名单”', `${c.pack} states no credit blacklist`);
    const referralId = text(req.referral, 'referral', '所依据的诬告陷害查处记录', 64);
    const referral = (await sideOf(this.store).referrals(c.id)).find((r) => r.id === referralId);
    if (!referral)
      throw new CaseInputError('referral', '本案没有该诬告陷害查处记录', 'referral: no such referral on this case');
    const row: BlacklistRow = {
      id: randomUUID(),
      caseId: c.id,
      referralId,
      pack: c.pack,
      person: text(req.person, 'person', '纳入人员', 200),
      conduct: text(req.conduct, 'conduct', '捏造事实、虚假告发的行为'),
      decidedBy: text(req.decidedBy, 'decidedBy', '作出决定的机关', 200),
      decidedOn: date(req.on, 'on', '决定日期'),
      article: `${p.citation.document} ${p.citation.article}`,
      recordedBy: actor.userId ?? null,
      recordedAt: this.now().toISOString(),
    };
    if (row.decidedOn < referral.onDate)
      throw new CaseInputError('on', '纳入日期不能早于诬告陷害查处记录的日期', 'on is before the referral');
    await this.store.transaction(async (tx) => {
      await sideOf(tx).addBlacklisted(row);
      await also?.(tx, row.id);
    });
    return row;
  }

  private async inScope(actor: Actor, unitId: string): Promise<boolean> {
    if (!actor.unitId) return true;
    return (await new UnitChains(this.store).of(unitId)).includes(actor.unitId);
  }

  private async packOf(unitId: string): Promise<string | undefined> {
    for (const id of await new UnitChains(this.store).of(unitId)) {
      const u = await this.store.repo('units').get(id);
      if (u?.pack) return u.pack;
    }
    return undefined;
  }

  /** Whether the person sees the filing (like an accountability matter). */
  async sees(actor: Actor, f: FilingRow): Promise<boolean> {
    if (actor.role === 'cadre') return !!actor.cadreId && f.cadreId === actor.cadreId;
    return FILING_READERS.has(actor.role) && (await this.inScope(actor, f.unitId));
  }

  async filing(actor: Actor, id: string): Promise<FilingRow> {
    const f = await sideOf(this.store).filing(id);
    if (!f || !(await this.sees(actor, f))) throw new FilingNotFoundError(id);
    return f;
  }

  async filings(actor: Actor): Promise<FilingRow[]> {
    if (actor.role !== 'cadre' && !FILING_READERS.has(actor.role)) return [];
    const all = await sideOf(this.store).filings();
    const out: FilingRow[] = [];
    for (const f of all) if (await this.sees(actor, f)) out.push(f);
    return out;
  }

  /** Records a pre-event filing (焦作) about a unit in the person's scope. */
  async addFiling(actor: Actor, req: FilingRequest, also?: AlsoWithRecord): Promise<FilingRow> {
    if (!FILING_WRITERS.has(actor.role))
      throw new CaseForbiddenError(
        '事前备案由纪检监察机关或问责机关记录',
        'only discipline or accountability officers record filings',
      );
    if (typeof req.kind !== 'string' || !(FILING_KINDS as readonly string[]).includes(req.kind))
      throw new CaseInputError(
        'kind',
        '备案种类应为风险评估备案或特事特办审批',
        'kind must be reform_risk or special_measure',
      );
    const kind = req.kind as FilingKind;
    const unitId = text(req.unit, 'unit', '实施单位', 64);
    const unit = await this.store.repo('units').get(unitId);
    if (!unit || !(await this.inScope(actor, unitId)))
      throw new CaseInputError('unit', '实施单位不存在或不在管理权限内', 'unit: no such unit in your scope');
    const pack = await this.packOf(unitId);
    const spec = pack ? sideProvisions(pack)?.preEventFilings.find((x) => x.kind === kind) : undefined;
    if (!pack || !spec)
      throw new CaseInputError(
        'kind',
        '该单位所在地区的规定没有此种事前备案',
        `no ${kind} filing in ${pack ?? 'this'} pack`,
      );
    let cadreId: string | null = null;
    if (req.cadre !== undefined && req.cadre !== null && req.cadre !== '') {
      const id = text(req.cadre, 'cadre', '负责干部', 64);
      const cadre = await this.store.repo('cadres').get(id);
      if (!cadre || !(await this.inScope(actor, cadre.managingUnitId)))
        throw new CaseInputError('cadre', '负责干部不存在或不在管理权限内', 'cadre: no such cadre in your scope');
      cadreId = cadre.id;
    }
    const reform = kind === 'reform_risk';
    // each kind has its own dates: the other kind's are refused rather than silently dropped
    const foreign = reform ? ['governmentApprovedOn', 'reportedTo', 'upperApprovedOn'] : ['assessedOn', 'filedOn'];
    for (const k of foreign)
      if ((req as unknown as Record<string, unknown>)[k] !== undefined)
        throw new CaseInputError(
          k,
          `${FILING_KIND_LABELS[kind]}不填写此项`,
          `${k} does not belong to a ${kind} filing`,
        );
    const row: FilingRow = {
      id: randomUUID(),
      pack,
      kind,
      unitId,
      cadreId,
      title: text(req.title, 'title', reform ? '改革创新项目' : '特事特办措施', 200),
      startedOn: date(req.startedOn, 'startedOn', '实施日期'),
      assessedOn: reform ? optionalDate(req.assessedOn, 'assessedOn', '风险评估和论证日期') : null,
      filedWith: reform ? spec.filedWith : null,
      filedOn: reform ? optionalDate(req.filedOn, 'filedOn', '备案日期') : null,
      governmentApprovedOn: reform
        ? null
        : optionalDate(req.governmentApprovedOn, 'governmentApprovedOn', '同级人民政府同意日期'),
      reportedTo: reform
        ? null
        : req.reportedTo === undefined
          ? null
          : text(req.reportedTo, 'reportedTo', '上级业务主管部门', 200),
      upperApprovedOn: reform ? null : optionalDate(req.upperApprovedOn, 'upperApprovedOn', '上级业务主管部门同意日期'),
      recordedBy: actor.userId ?? null,
      recordedAt: this.now().toISOString(),
    };
    await this.store.transaction(async (tx) => {
      await sideOf(tx).addFiling(row);
      await also?.(tx, row.id);
    });
    return row;
  }

  /** The case relies on a filing: the evaluation beside the case reads it from now on. */
  async relyOn(actor: Actor, caseId: string, filingId: string, also?: AlsoWithRecord): Promise<boolean> {
    const c = await this.recorderOn(actor, caseId);
    let f: FilingRow;
    try {
      f = await this.filing(actor, filingId);
    } catch (e) {
      if (e instanceof FilingNotFoundError)
        throw new CaseInputError('filing', '备案记录不存在或无权查看', 'filing: no such filing you may see');
      throw e;
    }
    if (f.pack !== c.pack || !(await new UnitChains(this.store).of(f.unitId)).includes(c.handlingUnitId))
      throw new CaseInputError(
        'filing',
        '该备案不在本案办理机关的管辖范围内',
        'filing: the filing lies outside the handling unit',
      );
    return this.store.transaction(async (tx) => {
      const added = await sideOf(tx).relyOn(c.id, f.id);
      if (added) await also?.(tx, f.id);
      return added;
    });
  }

  /** Everything beside the case, for a person who sees it. */
  async beside(actor: Actor, caseId: string) {
    const c = await this.cases.visible(actor, caseId);
    const side = sideOf(this.store);
    const repo = casesOf(this.store);
    const p = sideProvisions(c.pack);
    const links = await side.links(c.id);
    const linked = async (ids: string[]) => {
      const out = [];
      for (const id of ids) {
        const other = await repo.get(id);
        if (!other) continue;
        try {
          await this.cases.visible(actor, other.id);
        } catch (e) {
          if (e instanceof CaseNotFoundError) continue;
          throw e;
        }
        const def = this.cases.definitionOf(other);
        out.push({
          id: other.id,
          procedure: other.procedure,
          title: def.title,
          state: other.state,
          stateLabel: def.states[other.state]?.label ?? other.state,
          openedOn: other.openedOn,
          closed: other.closed,
        });
      }
      return out;
    };
    const filings = await side.caseFilings(c.id);
    return {
      provisions: p ?? null,
      follows: await linked(links.follows),
      followedBy: await linked(links.followedBy),
      referrals: await side.referrals(c.id),
      blacklist: await side.blacklisted(c.id),
      filings: filings.map((f) => filingView(f, p)),
      filingFlags: filingFlags(filings),
    };
  }
}
