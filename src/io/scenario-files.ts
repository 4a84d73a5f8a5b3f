// Reading scenario files (YAML) from disk. YAML 1.2's core schema keeps unquoted dates as strings, as DESIGN §4 asks.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseScenario, ScenarioError, type Scenario } from '../policy/scenario.js';

export class ScenarioFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${field}: ${reason}`);
  }
}

export function readScenario(file: string): Scenario {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'), { schema: 'core', prettyErrors: true });
  } catch (e) {
    throw new ScenarioFileError(file, '(yaml)', `YAML 格式错误 malformed YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    return parseScenario(raw);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioFileError(file, e.field, e.reason);
    throw e;
  }
}

/**
 * Every .yaml/.yml file under the given files or folders, sorted, recursively; sub-folders named in `skipDirs` are
 * passed over (a pack's `scenarios/procedures/` holds procedure scenarios, another format).
 */
export function findScenarioFiles(paths: readonly string[], skipDirs: readonly string[] = []): string[] {
  const out: string[] = [];
  const walk = (p: string, top = false) => {
    const st = statSync(p);
    if (st.isDirectory() && !top && skipDirs.some((d) => p.endsWith(`/${d}`))) return;
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
    else if (/\.ya?ml$/.test(p)) out.push(p);
  };
  for (const p of paths) walk(p, true);
  return out;
}
