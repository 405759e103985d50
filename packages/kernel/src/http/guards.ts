import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { hasRole, type Role, type Viewer } from '../auth/types.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

/** The signed-in viewer, or a 401. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new UnauthenticatedError();
  return request.viewer;
}

/** The signed-in viewer holding at least `role`, or a 401/403. */
export function requireRole(request: FastifyRequest, role: Role): Viewer {
  const viewer = requireViewer(request);
  if (!hasRole(viewer, role)) throw new ForbiddenError(`This needs the ${role} role.`, 'role_required');
  return viewer;
}

/** Where a request came from, for per-address limits. */
export function clientAddress(request: FastifyRequest): string {
  return request.ip || 'unknown';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The role a route needs. Checked in its onRequest stage, before the body is read or
     * validated: a caller without the role learns nothing about what the route accepts.
     */
    requiredRole?: Role;
  }
}

/**
 * Gives every route that declares `config.requiredRole` a guard that answers 401 (signed out)
 * or 403 (`role_required`) before anything else of the route runs. Register before the routes.
 */
export function registerRoleGuards(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const role = route.config?.requiredRole;
    if (!role) return;
    const guard: onRequestHookHandler = (request, _reply, done) => {
      try {
        requireRole(request, role);
        done();
      } catch (err) {
        done(err as Error);
      }
    };
    const existing = route.onRequest;
    route.onRequest = [guard, ...(existing ? [existing].flat() : [])];
  });
}
