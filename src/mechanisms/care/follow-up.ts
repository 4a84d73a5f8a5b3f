// Follow-up of adjusted cadres and re-use candidates (PROCEDURES §7.4): what each jurisdiction's 能上能下 text asks
// for a cadre adjusted for not being fit for the post, while the influence period runs and once it is over. Pure: the
// route gives the adjustments, the periods read through the ledger (src/mechanisms/adjustment/ledger.ts), the talks,
// visits, later posts and case steps it found.
//   - 江苏 [000-A 第十三条] and 如东 [002-A 第十二条]: 「对调整下来的干部有针对性地加强教育管理，深入开展谈心谈话，给予关心
//     帮助。加强跟踪了解」 during the period; after it, 「经考察符合任职条件的，可以按有关规定程序提拔任职」.
//   - 陕西 [001-A 第十六条]: no follow-up; after the period, re-use 「在征求上一级组织人事部门意见后」.
// None of the texts gives a time for the follow-up, so no task carries a due date (none is invented).

export type FollowUpTask = 'education' | 'talk' | 'tracking';

export const FOLLOW_UP_TASK_LABELS: Readonly<Record<FollowUpTask, string>> = {
  education: '加强教育管理',
  talk: '深入开展谈心谈话',
  tracking: '加强跟踪了解（回访）',
};

export interface FollowUpProvision {
  pack: string;
  /** during the period: the tasks the text names */
  tasks: readonly FollowUpTask[];
  /** after the period: re-use needs the upper organisation department's opinion first */
  upperOpinion: boolean;
  /** 《document》article「quote」 */
  source: string;
}

const JIANGSU_13 =
  '《江苏省推进党政领导干部能上能下办法》第十三条「对调整下来的干部有针对性地加强教育管理，深入开展谈心谈话，给予关心帮助。加强跟踪了解……干部调整影响期满后……可以按有关规定程序提拔任职」';

export const FOLLOW_UP_PROVISIONS: readonly FollowUpProvision[] = [
  { pack: 'jiangsu', tasks: ['education', 'talk', 'tracking'], upperOpinion: false, source: JIANGSU_13 },
  {
    pack: 'rudong',
    tasks: ['education', 'talk', 'tracking'],
    upperOpinion: false,
    source:
      '《如东县人民检察院推进党员干部能上能下实施细则》第十二条「对调整下来的干部有针对性地加强教育管理，深入开展谈心谈话，给予关心帮助。加强跟踪了解……干部调整影响期满后……可以按有关规定程序提拔任职」',
  },
  {
    pack: 'shaanxi',
    tasks: [],
    upperOpinion: true,
    source:
      '《陕西省推进省管党政领导干部能上能下办法(试行)》第十六条「影响期满后……拟重新任用的，在征求上一级组织人事部门意见后，可以按有关规定程序提拔任职」',
  },
];

/** The provision of the first pack in a unit's chain that has one (如东 before 江苏). */
export function followUpProvisionFor(chain: readonly string[]): FollowUpProvision | undefined {
  for (const p of chain) {
    const r = FOLLOW_UP_PROVISIONS.find((x) => x.pack === p);
    if (r) return r;
  }
  return undefined;
}

export interface AdjustedCadre {
  adjustmentId: string;
  cadreId: string;
  /** the decision date of the adjustment */
  date: string;
  method: string;
  provision: FollowUpProvision;
  /** the first date on which the period no longer blocks promotion; null when no rule gives one */
  periodUntil: string | null;
  /** the adjustment case about this cadre, when one exists */
  caseId: string | null;
}

export interface FollowUpRecords {
  /** talks with the cadre (either party), by date */
  talks: readonly { cadreId: string; heldOn: string }[];
  /** visits linked to the adjustment */
  visits: readonly { adjustmentId: string; visitedOn: string }[];
  /** posts the cadre took up, by start date */
  posts: readonly { cadreId: string; startDate: string }[];
  /** case steps recorded on the adjustment cases (action, date) */
  caseSteps: readonly { caseId: string; action: string; onDate: string }[];
}

export interface FollowUpItem {
  kind: 'followUp' | 'reuse';
  adjustment: AdjustedCadre;
  /** follow-up: each task with the first record that answers it (null: not yet); 教育管理 has no record of its own */
  tasks: { task: FollowUpTask; label: string; doneOn: string | null }[];
  /** re-use: the upper organisation department's opinion, when the text asks for it first */
  upperOpinion: { required: boolean; givenOn: string | null };
}

/**
 * Follow-up items for cadres inside their period on `today`, and re-use candidates for cadres whose period is over
 * and who have taken up no post since it ended (a later post is the re-use).
 */
export function followUpItems(adjusted: readonly AdjustedCadre[], r: FollowUpRecords, today: string): FollowUpItem[] {
  const out: FollowUpItem[] = [];
  for (const a of adjusted) {
    if (a.periodUntil === null) continue;
    if (today < a.periodUntil) {
      if (a.provision.tasks.length === 0) continue;
      const inPeriod = (d: string) => d >= a.date && d < a.periodUntil!;
      const first = (ds: string[]) => ds.filter(inPeriod).sort()[0] ?? null;
      const answered: Record<FollowUpTask, string | null> = {
        education: null,
        talk: first(r.talks.filter((t) => t.cadreId === a.cadreId).map((t) => t.heldOn)),
        tracking: first(r.visits.filter((v) => v.adjustmentId === a.adjustmentId).map((v) => v.visitedOn)),
      };
      out.push({
        kind: 'followUp',
        adjustment: a,
        tasks: a.provision.tasks.map((t) => ({ task: t, label: FOLLOW_UP_TASK_LABELS[t], doneOn: answered[t] })),
        upperOpinion: { required: false, givenOn: null },
      });
      continue;
    }
    if (r.posts.some((p) => p.cadreId === a.cadreId && p.startDate >= a.periodUntil!)) continue;
    const opinion = r.caseSteps
      .filter((s) => s.caseId === a.caseId && s.action === 'upper_opinion')
      .map((s) => s.onDate)
      .sort()[0];
    out.push({
      kind: 'reuse',
      adjustment: a,
      tasks: [],
      upperOpinion: {
        required: a.provision.upperOpinion,
        givenOn: a.provision.upperOpinion ? (opinion ?? null) : null,
      },
    });
  }
  return out;
}
