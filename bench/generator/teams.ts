// The leadership team (领导班子) and fixed posts each kind of unit has, with the titles, levels and 分管 areas
// people would expect. The areas the rules read (production_safety, food_drug, stability, environment, poverty,
// party_building, ideology) are always covered in local party-government teams, so incident- and 分管-based
// rules find the deputy in charge.
import type { Level } from '../../src/domain/vocabulary.js';
import type { Slot } from './model.js';

function slot(role: Slot['role'], title: string, level: Level, inCharge: string[] = [], partySecretary = false): Slot {
  return { role, title, level, partySecretary, inCharge };
}

/** 县 / 县级市 / 区: the words the titles use. */
function localWords(name: string): { party: string; gov: string; deputy: string } {
  if (name.endsWith('区')) return { party: '区委', gov: '区长', deputy: '副区长' };
  if (name.endsWith('市')) return { party: '市委', gov: '市长', deputy: '副市长' };
  return { party: '县委', gov: '县长', deputy: '副县长' };
}

/** A party-government team (省, 设区市, 县/区) at a pair of levels. */
function localTeam(w: { party: string; gov: string; deputy: string }, top: Level, second: Level): Slot[] {
  return [
    slot('principal', `${w.party}书记`, top, ['party_building'], true),
    slot('principal', w.gov, top, ['economy']),
    slot('member', `${w.party}副书记`, second, ['rural_affairs']),
    slot('deputy', `常务${w.deputy}`, second, ['finance', 'development']),
    slot('deputy', w.deputy, second, ['production_safety', 'industry', 'transport']),
    slot('deputy', w.deputy, second, ['environment', 'agriculture', 'poverty']),
    slot('deputy', w.deputy, second, ['food_drug', 'education', 'health']),
    slot('deputy', `${w.party}常委、政法委书记`, second, ['stability', 'public_security']),
    slot('member', `${w.party}常委、组织部部长`, second, ['party_building', 'personnel']),
    slot('member', `${w.party}常委、宣传部部长`, second, ['ideology', 'culture']),
  ];
}

/** The head's title from the department's name: 厅长, 局长, 部长, 主任. */
function headTitle(deptName: string): { head: string; deputy: string } {
  if (/(厅)$/.test(deptName)) return { head: '厅长', deputy: '副厅长' };
  if (/(部)$/.test(deptName)) return { head: '部长', deputy: '副部长' };
  if (/(局)$/.test(deptName)) return { head: '局长', deputy: '副局长' };
  if (/(委员会|办公室|厅)$/.test(deptName)) return { head: '主任', deputy: '副主任' };
  if (/(党校)$/.test(deptName)) return { head: '常务副校长', deputy: '副校长' };
  return { head: '主任', deputy: '副主任' };
}

function deptTeam(name: string, top: Level, second: Level, mid: Level, deputies: number, midlevel: number): Slot[] {
  const t = headTitle(name);
  const areas: string[][] = [
    ['party_building', 'personnel'],
    ['production_safety', 'operations'],
    ['business'],
    ['finance'],
  ];
  const out: Slot[] = [slot('principal', `党组书记、${t.head}`, top, ['party_building'], true)];
  for (let i = 0; i < deputies; i++) out.push(slot('deputy', t.deputy, second, areas[i % areas.length] ?? []));
  for (let i = 0; i < midlevel; i++) out.push(slot('midlevel', i === 0 ? '办公室主任' : '科（处）室负责人', mid));
  return out;
}

export function provinceTeam(): Slot[] {
  return localTeam({ party: '省委', gov: '省长', deputy: '副省长' }, '正部', '副部');
}

export function cityTeam(): Slot[] {
  return localTeam({ party: '市委', gov: '市长', deputy: '副市长' }, '正厅', '副厅');
}

export function countyTeam(name: string): Slot[] {
  return localTeam(localWords(name), '正处', '副处');
}

export function devZoneTeam(): Slot[] {
  return [
    slot('principal', '党工委书记', '正处', ['party_building'], true),
    slot('principal', '管委会主任', '正处', ['economy']),
    slot('deputy', '管委会副主任', '副处', ['production_safety', 'environment', 'stability']),
    slot('deputy', '管委会副主任', '副处', ['food_drug', 'poverty', 'investment']),
    slot('member', '党工委委员', '副处', ['party_building', 'ideology']),
  ];
}

export function provincialDeptTeam(name: string): Slot[] {
  const team = deptTeam(name, '正厅', '副厅', '正处', 3, 3);
  team.splice(4, 0, slot('member', '驻厅纪检监察组组长', '副厅', ['discipline']));
  return team;
}

export function cityDeptTeam(name: string): Slot[] {
  return deptTeam(name, '正处', '副处', '正科', 2, 2);
}

export function countyDeptTeam(name: string): Slot[] {
  if (/(镇|乡|街道)$/.test(name)) {
    const head = name.endsWith('街道') ? '办事处主任' : name.endsWith('乡') ? '乡长' : '镇长';
    return [
      slot('principal', '党（工）委书记', '正科', ['party_building'], true),
      slot('principal', head, '正科', ['economy']),
      slot('deputy', `副${head.replace('办事处', '')}`, '副科', ['production_safety', 'stability', 'environment']),
      slot('deputy', `副${head.replace('办事处', '')}`, '副科', ['poverty', 'agriculture', 'food_drug']),
      slot('member', '党（工）委委员、组织委员', '副科', ['party_building', 'ideology']),
    ];
  }
  return deptTeam(name, '正科', '副科', '科员', 2, 1);
}

/** 如东县人民检察院: 院党组 and its 班子. */
export function procuratorateTeam(): Slot[] {
  return [
    slot('principal', '党组书记、检察长', '副处', ['party_building'], true),
    slot('deputy', '党组成员、副检察长', '正科', ['criminal_prosecution']),
    slot('deputy', '党组成员、副检察长', '正科', ['civil_administrative', 'public_interest']),
    slot('deputy', '党组成员、副检察长', '正科', ['procuratorial_affairs', 'stability']),
    slot('member', '党组成员、政治部主任', '正科', ['party_building', 'ideology']),
    slot('member', '检察委员会专职委员', '正科', ['case_quality']),
  ];
}

/**
 * A 内设机构 of the procuratorate: its 中层干部 (the head also 党支部书记 in every other department, which is whom
 * 如东 第九条 addresses) and its fixed staff, including 聘用制书记员 and 劳务派遣 staff (如东 容错 一、（一）).
 */
export function internalDeptTeam(name: string, index: number): Slot[] {
  const head = '主任';
  const ps = index % 2 === 0;
  const out: Slot[] = [
    { ...slot('midlevel', ps ? `${head}、党支部书记` : head, '正科', [], ps) },
    slot('midlevel', `副${head}`, '副科'),
  ];
  if (name.includes('检察部')) {
    out.push(slot('staff', '员额检察官', '科员'), slot('staff', '员额检察官', '科员'));
    out.push(slot('staff', '检察官助理', '科员'));
    out.push({ ...slot('staff', '书记员', '科员'), category: '聘用制书记员' });
    out.push({ ...slot('staff', '书记员', '科员'), category: '聘用制书记员' });
  } else {
    out.push(slot('staff', '科员', '科员'), slot('staff', '科员', '科员'));
    out.push({ ...slot('staff', name === '检务保障部' ? '驾驶员' : '文印员', '科员'), category: '劳务派遣' });
  }
  if (name === '检务保障部') out.push({ ...slot('staff', '安保员', '科员'), category: '劳务派遣' });
  return out;
}
