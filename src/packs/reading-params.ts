// The readings the project chose where a text gives no number (docs/READINGS.md), declared as parameters the same way
// in every pack: the same type, words, value and citation, each pack under its own key so a local 具体办法 can set
// its own. A rule reads them through ctx.param; when one is set to nothing, the rule reports it as unset and does not
// compute — there is no fallback in the rule code.
import { param } from '../policy/define.js';
import type { WindowReading } from '../policy/readings.js';
import type { ParamDef, RuleContext } from '../policy/types.js';

/** The text of a reading default's citation: the 读法说明 entry that fixes it. */
const READING = (entry: string) => `读法说明 ${entry}`;

/** “按照N%的比例”: places rounded down, so the share is never exceeded (读法说明 二、陕西). */
export function quotaRoundingParam(key: string): ParamDef<'rounding'> {
  return param({
    key,
    type: 'rounding',
    description: '“按照N%的比例”计算名额时的取整方式：floor（向下取整，名额不超过该比例）| round | ceil',
    values: [{ value: 'floor', citation: READING('二、陕西“35%的比例”：名额向下取整，保证不超过该比例') }],
  });
}

/** “一年内”: a period of one year opened by the first event (读法说明 一、3). */
export function incidentWindowParam(key: string): ParamDef<'incidentWindow'> {
  return param({
    key,
    type: 'incidentWindow',
    description: '“一年内发生…起”的计算：rolling12m（第一起事件开启的一年期间）| calendarYear（同一自然年）',
    values: [{ value: 'rolling12m', citation: READING('一、3“一年内发生N起”') }],
  });
}

/** How far back an incident's one-year period may end and still be shown (读法说明 一、4). */
export function lookbackMonthsParam(key: string): ParamDef<'number'> {
  return param({
    key,
    type: 'number',
    description: '回溯月数：事故、事件类情形的“一年”期间，其最后一日须在评估日前这么多个月之内',
    values: [{ value: 24, citation: READING('一、4“回溯期”') }],
  });
}

/**
 * The pack's reading of 一年内 and of the look-back on the evaluation date; undefined when either parameter is set to
 * nothing (reported as unset by ctx.param), and then the incident rules do not compute.
 */
export function windowReadingOf(
  ctx: RuleContext,
  window: ParamDef<'incidentWindow'>,
  lookback: ParamDef<'number'>,
): WindowReading | undefined {
  const mode = ctx.param(window);
  const lookbackMonths = ctx.param(lookback);
  if (mode === undefined || lookbackMonths === undefined) return undefined;
  return { asOf: ctx.asOf, mode, lookbackMonths };
}
