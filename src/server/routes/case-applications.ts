// What a person may apply for tolerance in (容错申请), over HTTP: the undecided accountability matters about the
// parties they may apply for — a cadre for themselves; a unit's liaison for its unit where the jurisdiction has units
// as subjects (陕西, 焦作), and for the unit's cadres where the text lets the unit apply for them (江苏 「干部个人和所在
// 单位」, 如东, 安徽) — each with the step of that jurisdiction's procedure and its form. The case itself is started
// through POST /cases, which checks the same rule again.
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../mechanisms/tolerance/actors.js';
import { UnitChains } from '../../mechanisms/tolerance/actors.js';
import { ToleranceCases } from '../../mechanisms/tolerance/cases.js';
import { openMattersAbout } from '../../store/case-applications.js';
import { errorSchemas } from '../schemas.js';

/** The matters looked at, newest first (a unit rarely has more undecided matters than this). */
const LOOKED_AT = 200;

export function caseApplicationRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;

  app.get(
    '/cases/apply-options',
    {
      config: {},
      schema: {
        tags: ['cases'],
        summary: '可提出容错申请的问责事项及申请表 the matters the person may apply for tolerance in',
        response: { ...errorSchemas(401, 403) },
      },
    },
    async (req) => {
      const u = req.user!;
      const actor: Actor = { userId: u.id, role: u.role, unitId: u.unitId ?? null, cadreId: u.cadreId ?? null };
      // only a cadre and a unit's liaison stand as a party; nobody else applies
      if (u.role !== 'cadre' && u.role !== 'unit_liaison') return { total: 0, items: [] };
      const matters = await openMattersAbout(
        ctx.store,
        u.role === 'cadre' ? { cadreId: u.cadreId ?? null } : { unitId: u.unitId ?? null },
        LOOKED_AT,
      );
      const tc = new ToleranceCases(ctx.store, { now: ctx.now });
      const chains = new UnitChains(ctx.store);
      const items = [];
      for (const m of matters) {
        const subject = m.subjectCadreId
          ? { type: 'cadre' as const, id: m.subjectCadreId }
          : { type: 'unit' as const, id: m.subjectUnitId! };
        const open = await tc.applicationFor(actor, subject, chains);
        if (!open) continue;
        const name =
          subject.type === 'cadre'
            ? (await ctx.store.repo('cadres').get(subject.id))?.name
            : (await ctx.store.repo('units').get(subject.id))?.name;
        items.push({
          matter: m.id,
          description: m.description,
          openedOn: m.openedOn,
          subjectType: subject.type,
          subjectId: subject.id,
          subjectName: name ?? '',
          procedure: open.def.title,
          action: open.spec.id,
          label: open.spec.label,
          body: open.spec.actor.body,
          article: `${open.spec.citation.document} ${open.spec.citation.article}`,
          inputs: (open.spec.inputs ?? [])
            .filter((i) => i.name !== 'matter')
            .map((i) => ({ name: i.name, label: i.label, kind: i.kind, required: i.required === true })),
        });
      }
      return { total: items.length, items };
    },
  );
}
