// The fact set the rulebooks read (DESIGN §4 scenario format). A scenario file's `facts` and the record loaded
// from the database both take this shape; the policy engine never sees anything else.
import type {
  AdjustmentMethod,
  AssessmentScheme,
  CadreCategory,
  DeterminationKind,
  HonorAward,
  HonorConferrer,
  IncidentCategory,
  Level,
  PackId,
  PostRole,
  SanctionKind,
  Severity,
  ToleranceFlag,
  UnitKind,
} from './vocabulary.js';

export interface UnitFact {
  id: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  /** Rulebook bound to this unit; when absent it is inherited from the parent (or the scenario's pack). */
  pack?: PackId;
}

export interface CadreFact {
  id: string;
  name: string;
  unit: string;
  post: PostRole;
  level?: Level;
  partySecretary?: boolean;
  inCharge?: string[];
  /** 公务员/参公/事业/国企/聘用制书记员/劳务派遣; absent = not stated. */
  category?: CadreCategory;
}

export interface UnitAssessmentFact {
  unit: string;
  year: number;
  scheme: AssessmentScheme;
  grade?: string;
  score?: number;
  rank?: number;
}

export interface Votes {
  excellent: number;
  competent: number;
  basic: number;
  incompetent: number;
}

export interface CadreAssessmentFact {
  cadre: string;
  year: number;
  grade?: string;
  votes?: Votes;
}

export interface RegularAssessmentFact {
  cadre: string;
  /** e.g. 2019Q2 */
  period: string;
  grade: string;
}

export interface HonorFact {
  subject: string;
  date: string;
  conferredBy: HonorConferrer;
  title: string;
  /** Which title of which article this honour is, when a rule relies on it (optional; absent = none of them). */
  award?: HonorAward;
}

export interface IncidentFact {
  unit: string;
  date: string;
  category: IncidentCategory;
  severity: Severity;
}

export interface DeterminationFact {
  subject: string;
  date: string;
  kind: DeterminationKind;
  clause: string;
}

export interface SanctionFact {
  cadre: string;
  date: string;
  kind: SanctionKind;
}

export interface AdjustmentFact {
  cadre: string;
  date: string;
  method: AdjustmentMethod;
}

export interface ToleranceRequestFact {
  id: string;
  subject: string;
  date: string;
  situation: string;
  findings: Partial<Record<ToleranceFlag, boolean>>;
}

/**
 * A decision recorded at the conclusion of a tolerance case (容错认定结论 / 容错决定): the rulebooks read it so that the
 * explanation names the decision that changed it (PROCEDURES §7.5).
 */
export interface ToleranceDecisionFact {
  case: string;
  subject: string;
  /** the accountability matter the case belongs to */
  matter: string;
  date: string;
  outcome: 'exempt' | 'lighter' | 'mitigated' | 'not_tolerated';
  /** the body that decided, as the text names it */
  body: string;
  article: string;
}

export interface Facts {
  units: UnitFact[];
  cadres: CadreFact[];
  unitAssessments: UnitAssessmentFact[];
  cadreAssessments: CadreAssessmentFact[];
  regularAssessments: RegularAssessmentFact[];
  honors: HonorFact[];
  incidents: IncidentFact[];
  determinations: DeterminationFact[];
  sanctions: SanctionFact[];
  adjustments: AdjustmentFact[];
  toleranceRequests: ToleranceRequestFact[];
  /** concluded tolerance cases (absent in scenario files that have none) */
  toleranceDecisions?: ToleranceDecisionFact[];
}

export function emptyFacts(): Facts {
  return {
    units: [],
    cadres: [],
    unitAssessments: [],
    cadreAssessments: [],
    regularAssessments: [],
    honors: [],
    incidents: [],
    determinations: [],
    sanctions: [],
    adjustments: [],
    toleranceRequests: [],
  };
}
