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
  constructor(readonly field: string, message: string) {
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
