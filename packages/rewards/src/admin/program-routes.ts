import { errorResponses, NotFoundError, type PlazaApp, requireRole } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import { type CatalogVersion, findCatalogVersion } from '../program/catalog.ts';
import type { StoredProgramSource } from '../program/source.ts';
import { PreviewResponse, previewEarnings } from './preview.ts';
import { PreviewBody, previewInputs } from './preview-body.ts';
import type { ProgramAdmin } from './program-admin.ts';
import {
  CatalogView,
  instantMs,
  NewPlanBody,
  NewVersionBody,
  PlanAdminView,
  PlanParams,
  ScheduleBody,
  VersionParams,
  VersionTermsBody,
  VersionView,
  WithdrawBody,
} from './schemas.ts';
import { catalogView, planAdminView, versionView } from './views.ts';

const TAGS = ['rewards-admin'];

export interface ProgramAdminRouteDeps {
  admin: ProgramAdmin;
  source: StoredProgramSource;
  nowMs: () => number;
}

type View = (version: CatalogVersion) => VersionView;

/** The bank's program administration: catalog, plans, versions, the shelf, and the preview. */
export function registerProgramAdminRoutes(app: PlazaApp, deps: ProgramAdminRouteDeps): void {
  const { source, nowMs } = deps;
  /** The version as stored after the change (the source was rebuilt by then). */
  const view: View = (version) => {
    const found = findCatalogVersion(source.catalog(), version.id);
    if (!found) throw new NotFoundError('That plan version');
    return versionView(found.version, nowMs());
  };
  registerCatalogRoutes(app, deps, view);
  registerShelfRoutes(app, deps, view);
  registerPreviewRoute(app, deps);
}

function registerCatalogRoutes(
  app: PlazaApp,
  { admin, source, nowMs }: ProgramAdminRouteDeps,
  view: View,
): void {
  app.get(
    '/api/rewards/v1/admin/catalog',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary:
          'The whole program (admin): every plan and version, past, current, scheduled and drafts, with shelf states',
        response: { 200: CatalogView, ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return catalogView(source.catalog(), nowMs());
    },
  );

  app.post(
    '/api/rewards/v1/admin/plans',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary: 'Create a plan (admin); it is offered once a version of it is on the shelf',
        body: NewPlanBody,
        response: { 201: PlanAdminView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId } = requireRole(request, 'admin');
      const plan = await admin.createPlan(request.body, accountId);
      return reply.status(201).send(planAdminView(plan, nowMs()));
    },
  );

  app.post(
    '/api/rewards/v1/admin/plans/:planId/versions',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary:
          'Add a version to a plan (admin): channels, rates by level, caps, eligibility, window; a draft until scheduled',
        params: PlanParams,
        body: NewVersionBody,
        response: { 201: VersionView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId } = requireRole(request, 'admin');
      const version = await admin.addVersion(request.params.planId, request.body, accountId);
      return reply.status(201).send(view(version));
    },
  );

  app.put(
    '/api/rewards/v1/admin/versions/:versionId',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary:
          'Correct a version that has not been on the shelf yet (admin); one that has is final (409 version_immutable)',
        params: VersionParams,
        body: VersionTermsBody,
        response: { 200: VersionView, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = requireRole(request, 'admin');
      return view(await admin.editVersion(request.params.versionId, request.body, accountId));
    },
  );
}

function registerShelfRoutes(app: PlazaApp, deps: ProgramAdminRouteDeps, view: View): void {
  registerScheduleRoutes(app, deps, view);
  registerWithdrawRoutes(app, deps, view);
}

function registerScheduleRoutes(app: PlazaApp, { admin }: ProgramAdminRouteDeps, view: View): void {
  app.post(
    '/api/rewards/v1/admin/versions/:versionId/schedule',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary:
          'Put a version on the shelf from an instant (now when absent), optionally until another (admin)',
        params: VersionParams,
        body: ScheduleBody,
        response: { 200: VersionView, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = requireRole(request, 'admin');
      const { onShelfAt, offShelfAt } = request.body;
      const input = {
        ...(onShelfAt !== undefined ? { onShelfAt: instantMs(onShelfAt) } : {}),
        ...(offShelfAt !== undefined
          ? { offShelfAt: offShelfAt === null ? null : instantMs(offShelfAt) }
          : {}),
      };
      const [version] = await admin.schedule(request.params.versionId, input, accountId);
      return view(version as CatalogVersion);
    },
  );

  app.delete(
    '/api/rewards/v1/admin/versions/:versionId/schedule',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary: 'Take a scheduled version back to draft before it has been offered (admin)',
        params: VersionParams,
        response: { 200: VersionView, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = requireRole(request, 'admin');
      const [version] = await admin.unschedule(request.params.versionId, accountId);
      return view(version as CatalogVersion);
    },
  );
}

function registerWithdrawRoutes(app: PlazaApp, { admin }: ProgramAdminRouteDeps, view: View): void {
  app.post(
    '/api/rewards/v1/admin/versions/:versionId/withdraw',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary: 'Take a version off the shelf from an instant (now when absent) (admin)',
        params: VersionParams,
        body: WithdrawBody,
        response: { 200: VersionView, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = requireRole(request, 'admin');
      const { offShelfAt } = request.body;
      const input = offShelfAt === undefined ? {} : { offShelfAt: instantMs(offShelfAt) };
      const [version] = await admin.withdraw(request.params.versionId, input, accountId);
      return view(version as CatalogVersion);
    },
  );

  app.post(
    '/api/rewards/v1/admin/plans/:planId/withdraw',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary:
          'Take a plan off the shelf from an instant (admin): versions offered then end, later ones go back to draft',
        params: PlanParams,
        body: WithdrawBody,
        response: { 200: Type.Object({ items: Type.Array(VersionView) }), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = requireRole(request, 'admin');
      const { offShelfAt } = request.body;
      const input = offShelfAt === undefined ? {} : { offShelfAt: instantMs(offShelfAt) };
      const changed = await admin.withdrawPlan(request.params.planId, input, accountId);
      return { items: changed.map(view) };
    },
  );
}

function registerPreviewRoute(app: PlazaApp, { source }: ProgramAdminRouteDeps): void {
  app.post(
    '/api/rewards/v1/admin/preview',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary:
          'Preview (admin): the points a transaction would earn under each plan in force on its date, line by line',
        body: PreviewBody,
        response: { 200: PreviewResponse, ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const { transaction, card } = previewInputs(request.body);
      return previewEarnings(source.current(), transaction, card);
    },
  );
}
