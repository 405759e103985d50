import type { FastifyRequest } from 'fastify';
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
