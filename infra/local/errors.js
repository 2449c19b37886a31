'use strict';

/** The one error type the launcher throws: cli.js prints `message` as is and exits with `exitCode`. */
class InfraError extends Error {
  /**
   * @param {string} message one line, shown to the user as is
   * @param {{code?: string, exitCode?: number, details?: string}} [o]
   */
  constructor(message, o = {}) {
    super(message);
    this.name = 'InfraError';
    this.code = o.code || 'E_INFRA';
    this.exitCode = o.exitCode || 1;
    if (o.details) this.details = o.details;
  }
}

module.exports = { InfraError };
