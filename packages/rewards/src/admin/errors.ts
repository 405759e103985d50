import { ConflictError, type FieldIssue, ValidationError } from '@plaza/kernel';

/** The change would leave a program that `checkProgram` refuses; the issues are its own. */
export class ProgramInvalidError extends ValidationError {
  override name = 'ProgramInvalidError';
  constructor(issues: FieldIssue[]) {
    super(
      'The change would make the program fail its check; nothing was written.',
      issues,
      'program_invalid',
    );
  }
}

/** A version that has been on the shelf judged transactions: it stays as published. */
export class VersionImmutableError extends ConflictError {
  override name = 'VersionImmutableError';
  constructor(versionId: string) {
    super(
      `The version "${versionId}" has been on the shelf, so its terms and start are final; add a new version instead.`,
      'version_immutable',
    );
  }
}

export class ShelfTimeInPastError extends ValidationError {
  override name = 'ShelfTimeInPastError';
  constructor(field: string) {
    super(
      'A shelf change takes effect now or later; the past is what transactions were judged by.',
      [{ field, code: 'in_the_past', message: 'is in the past' }],
      'shelf_time_in_past',
    );
  }
}

export class NotScheduledError extends ConflictError {
  override name = 'NotScheduledError';
  constructor(versionId: string) {
    super(`The version "${versionId}" is not scheduled on the shelf.`, 'version_not_scheduled');
  }
}

export class AlreadyWithdrawnError extends ConflictError {
  override name = 'AlreadyWithdrawnError';
  constructor(versionId: string) {
    super(`The version "${versionId}" is already off the shelf.`, 'version_withdrawn');
  }
}

export function shelfWindowError(field: string, message: string, code: string): ValidationError {
  return new ValidationError(
    'The shelf schedule is not possible as given.',
    [{ field, code, message }],
    code,
  );
}
