/**
 * Errors a caller can cause. Domain code throws these; the GraphQL layer maps each
 * to its error code (service-kit's graphql-errors.ts). This package imports nothing from
 * GraphQL or a store, so `domain/` folders may use it.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('BAD_USER_INPUT', message, { field });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first: this operation needs an authenticated caller.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string, message = `${entity} ${id} does not exist.`) {
    super('NOT_FOUND', message, { entity, id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

/**
 * A store port's answer when a write would break a uniqueness rule (a name taken, an id or a
 * year already recorded). Data-access throws it in place of the store's own error, so domain
 * code decides what it means without knowing any store's error code; left uncaught it is
 * still a CONFLICT the caller can act on.
 */
export class AlreadyExistsError extends ConflictError {
  constructor(
    readonly entity: string,
    /** The unique field (or fields, joined by `+`) the write collided on, when the store says. */
    readonly field: string | null,
    message = `${entity} already exists${field ? ` with that ${field}` : ''}.`,
  ) {
    super(message, { entity, ...(field ? { field } : {}) });
  }
}
