// The references every write checks are the references the spreadsheet columns declare: one list, not two.
import { describe, expect, it } from 'vitest';
import { KIND_SPECS } from '../io/xlsx/columns.js';
import { RECORD_KINDS } from './entities.js';
import { RECORD_REFERENCES, referencedKind } from './references.js';

describe('record references', () => {
  it('name, for every kind, exactly the fields the import columns declare as references, to the same kinds', () => {
    for (const kind of RECORD_KINDS) {
      const fromColumns = KIND_SPECS[kind].columns.filter((c) => c.ref).map((c) => `${c.field}>${c.ref}`);
      const declared = RECORD_REFERENCES[kind].map((r) => `${r.field}>${r.target}`);
      expect(declared.sort(), kind).toEqual(fromColumns.sort());
    }
  });
  it('a subject reference points at a unit or a cadre as the row says', () => {
    const [ref] = RECORD_REFERENCES.honors;
    expect(referencedKind(ref!, { subjectType: 'unit' })).toBe('units');
    expect(referencedKind(ref!, { subjectType: 'cadre' })).toBe('cadres');
  });
});
