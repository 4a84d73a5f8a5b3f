// Read views of the record within the user's scope: the unit tree, the cadre roster, a cadre's profile (an
// audited read) and the dashboard aggregates.
import { chinaDate } from '../../domain/dates.js';
import type { FastifyInstance } from 'fastify';
import { audit } from '../audit-log.js';
import { CADRE_CATEGORIES, LEVELS, POST_ROLES } from '../../domain/vocabulary.js';
import { RECORD_ROLES } from '../roles.js';
import { dashboard, scopeOf, unitTree } from '../scope.js';
import { profile } from '../profile.js';
import { roster, ROSTER_SORTS, type RosterFilters } from '../roster.js';
import { cadresInPeriod } from './eligibility.js';
import { OFFSET_SCHEMA, errorSchemas } from '../schemas.js';

const unitNode = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    pack: { type: ['string', 'null'] },
    children: { type: 'array', items: { $ref: 'UnitNode#' } },
  },
};

export function viewRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  app.addSchema({ $id: 'UnitNode', ...unitNode });

  app.get(
    '/units/tree',
    {
      // the security administrator assigns users to units, so sees the tree (names only, no cadre data)
      config: { roles: [...RECORD_ROLES, 'security_admin'] },
      schema: {
        tags: ['record'],
        summary: '单位树（限管理权限范围） the unit tree within scope',
        response: { 200: { type: 'array', items: { $ref: 'UnitNode#' } }, ...errorSchemas(401, 403) },
      },
    },
    async (req) => {
      const user = req.user!;
      return unitTree(ctx.store, user.role === 'security_admin' ? { kind: 'all' } : scopeOf(user));
    },
  );

  app.get<{ Querystring: RosterFilters & { inPeriod?: boolean } }>(
    '/cadres',
    {
      config: { roles: RECORD_ROLES },
      schema: {
        tags: ['record'],
        summary: '干部名册（含下级单位，可检索筛选） the cadre roster',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            unitId: { type: 'string', maxLength: 64 },
            search: { type: 'string', maxLength: 100 },
            // the record's vocabularies: a value outside them is a mistake to report, not a filter matching nobody
            category: { type: 'string', enum: [...CADRE_CATEGORIES] },
            post: { type: 'string', enum: [...POST_ROLES] },
            level: { type: 'string', enum: [...LEVELS] },
            // 在影响期内: only cadres inside an influence period today (the ledger's evaluation)
            inPeriod: { type: 'boolean' },
            // the order of the whole filtered list (default 按职务次序), not of the page shown
            sort: { type: 'string', enum: Object.keys(ROSTER_SORTS) },
            order: { type: 'string', enum: ['asc', 'desc'] },
            offset: OFFSET_SCHEMA,
            limit: { type: 'integer', minimum: 1, maximum: 500 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    name: { type: 'string' },
                    gender: { type: ['string', 'null'] },
                    category: { type: 'string' },
                    managingUnitId: { type: 'string' },
                    unitName: { type: 'string' },
                    postTitle: { type: ['string', 'null'] },
                    role: { type: ['string', 'null'] },
                    level: { type: ['string', 'null'] },
                    postUnitId: { type: ['string', 'null'] },
                    postUnitName: { type: ['string', 'null'] },
                  },
                },
              },
            },
          },
          ...errorSchemas(400, 401, 403),
        },
      },
    },
    async (req) => {
      const { inPeriod, ...f } = req.query;
      if (!inPeriod) return roster(ctx.store, req.user!, f);
      const today = chinaDate(ctx.now());
      return roster(ctx.store, req.user!, { ...f, ids: await cadresInPeriod(ctx, req.user!, today, f.unitId) });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/cadres/:id/profile',
    {
      config: { roles: RECORD_ROLES },
      schema: {
        tags: ['record'],
        summary: '干部档案与时间轴（读取留痕） a cadre’s whole record with its timeline (audited read)',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } },
        response: { ...errorSchemas(401, 403, 404) },
      },
    },
    async (req) => {
      const p = await profile(ctx.store, req.user!, req.params.id);
      // Audited before the answer leaves: appendAudit on the root handle resolves once the entry is durable
      // (group-committed with concurrent ones), so no profile is read unrecorded and readers do not queue
      // behind SQLite's write lock for the whole read.
      await audit(ctx.db, req, { action: 'profile.read', targetKind: 'cadres', targetId: req.params.id });
      return p;
    },
  );

  app.get(
    '/dashboard',
    {
      config: { roles: RECORD_ROLES },
      schema: {
        tags: ['record'],
        summary: '首页统计（限管理权限范围） counts and charts within scope',
        response: {
          200: {
            type: 'object',
            properties: {
              counts: { type: 'object', additionalProperties: { type: 'integer' } },
              gradesByYear: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    year: { type: 'integer' },
                    grade: { type: ['string', 'null'] },
                    count: { type: 'integer' },
                  },
                },
              },
              incidentsByCategory: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    category: { type: 'string' },
                    count: { type: 'integer' },
                    bySeverity: { type: 'object', additionalProperties: { type: 'integer' } },
                  },
                },
              },
            },
          },
          ...errorSchemas(401, 403),
        },
      },
    },
    async (req) => dashboard(ctx.store, req.user!),
  );
}
