// What a case step can be refused for, each with the reason in Chinese and English and (for bad input) the field.
// The server maps them onto 400 / 403 / 404 / 409; the procedure scenarios count them as refusals.

/** Bad or missing input: nothing was changed. */
export class CaseInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason_zh: string,
    readonly reason: string,
  ) {
    super(`${reason_zh} (${field}: ${reason})`);
  }
}

/** The actor may not take this step (wrong role, or not the body or unit the text names). */
export class CaseForbiddenError extends Error {
  constructor(
    readonly reason_zh: string,
    readonly reason: string,
  ) {
    super(`${reason_zh} (${reason})`);
  }
}

/** The step is not open on the case as it stands (wrong state, or a condition of the procedure not met). */
export class CaseStepClosedError extends Error {
  constructor(
    readonly reason_zh: string,
    readonly reason: string,
  ) {
    super(`${reason_zh} (${reason})`);
  }
}

/** No such case, or one the person may not see (the same answer, as for an out-of-scope cadre). */
export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`案件不存在 (not found: case ${caseId})`);
  }
}
