import type { FieldIssue } from '@plaza/kernel';
import { type Catalog, type CatalogVersion, programOf } from '../program/catalog.ts';
import { checkProgram } from '../program/check.ts';
import type { Program } from '../program/types.ts';
import { ProgramInvalidError } from './errors.ts';

/** Which version an admin change is about, and the request field an overlap is blamed on. */
export interface Focus {
  readonly versionId: string;
  /** `/validFrom` when editing terms, `/onShelfAt` when scheduling, … */
  readonly windowField: string;
}

/** Rewrites a field path of the checked program into one of the admin's request. */
function relativeTo(prefix: string, field: string): string | undefined {
  if (field === prefix) return '/';
  return field.startsWith(`${prefix}/`) ? field.slice(prefix.length) : undefined;
}

/**
 * A version's own terms, checked alone (a draft is in no snapshot, but is checked as if it
 * were): rates, rules, caps and dates, with fields relative to the request body.
 */
export function assertVersionPasses(catalog: Catalog, version: CatalogVersion): void {
  const { schedule: _schedule, createdAt: _created, updatedAt: _updated, ...terms } = version;
  const alone: Program = {
    id: catalog.programId,
    names: catalog.names,
    settings: catalog.settings,
    plans: [{ id: version.planId, names: version.names, versions: [terms] }],
  };
  const issues = checkProgram(alone).map((issue) => ({
    ...issue,
    field: relativeTo('/plans/0/versions/0', issue.field) ?? issue.field,
  }));
  if (issues.length > 0) throw new ProgramInvalidError(issues);
}

/**
 * The whole program after the change, as the source would serve it, must pass `checkProgram`;
 * an overlap with another version of the plan is reported on `focus.windowField`.
 */
export function assertProgramPasses(candidate: Catalog, focus: Focus | null): void {
  const program = programOf(candidate);
  const issues = checkProgram(program);
  if (issues.length === 0) return;
  throw new ProgramInvalidError(focus ? issues.map((i) => focused(program, focus, i)) : issues);
}

function focused(program: Program, focus: Focus, issue: FieldIssue): FieldIssue {
  const p = program.plans.findIndex((plan) => plan.versions.some((v) => v.id === focus.versionId));
  if (p < 0) return issue;
  const v = program.plans[p]?.versions.findIndex((version) => version.id === focus.versionId) ?? -1;
  if (issue.field === `/plans/${p}/versions`) return { ...issue, field: focus.windowField };
  const own = relativeTo(`/plans/${p}/versions/${v}`, issue.field);
  return own === undefined ? issue : { ...issue, field: own };
}
