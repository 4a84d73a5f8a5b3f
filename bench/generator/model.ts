// The generator's own view of the record while it builds it, and the calendar the demo is set in.
import type { NewRecord, RecordKind } from '../../src/domain/entities.js';
import type { CadreCategory, Level, PostRole, UnitKind } from '../../src/domain/vocabulary.js';

export type JurisdictionPack = 'jiangsu' | 'shaanxi' | 'rudong' | 'anhui' | 'jiaozuo';

/**
 * The demo's calendar. Five annual assessment years end at LAST_YEAR; incidents and decisions run up to AS_OF,
 * the date the record is "as of" (evaluate the demo on this date to see every planted case fire). Fixed rather
 * than taken from the clock so that a seed always gives the same record.
 */
export const FIRST_YEAR = 2021;
export const LAST_YEAR = 2025;
export const YEARS: readonly number[] = [2021, 2022, 2023, 2024, 2025];
export const AS_OF = '2026-11-01';

/** A post a unit's establishment provides (领导职数 and staff positions). */
export interface Slot {
  role: PostRole;
  title: string;
  level: Level;
  partySecretary: boolean;
  inCharge: string[];
  /** when set, the cadre holding it is of this category (聘用制书记员, 劳务派遣…) */
  category?: CadreCategory;
}

export interface GenUnit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  /** the binding stored on the unit (only roots and 如东县人民检察院 carry one) */
  boundPack: JurisdictionPack | null;
  /** the rulebook that governs it (its own binding or the nearest ancestor's) */
  pack: JurisdictionPack;
  /** 身份证号 prefix of its province */
  idPrefix: string;
  /** the unit whose organisation department manages this unit's leaders (干部管理权限) */
  leadersManagedBy: string;
  /** leadership and fixed posts */
  slots: Slot[];
  /** how many general staff (一般干部) it gets: decided by the allocation */
  staff: number;
  /** latent performance (standard normal) and its yearly drift: assessments follow it */
  strength: number;
  trend: number;
}

/** Rows of every kind waiting to be written. */
export type Batch = { [K in RecordKind]: NewRecord<K>[] };

export function emptyBatch(): Batch {
  return {
    units: [],
    cadres: [],
    posts: [],
    unitAssessments: [],
    cadreAssessments: [],
    regularAssessments: [],
    honors: [],
    incidents: [],
    determinations: [],
    sanctions: [],
    accountability: [],
    adjustments: [],
    toleranceRequests: [],
    accountabilityMatters: [],
  };
}

/** Sequential ids per kind, zero-padded so that id order is creation order. */
export class Ids {
  private readonly next = new Map<string, number>();
  take(prefix: string): string {
    const n = (this.next.get(prefix) ?? 0) + 1;
    this.next.set(prefix, n);
    return prefix + String(n).padStart(prefix === 'u' ? 6 : 8, '0');
  }
}
