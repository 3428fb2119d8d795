import { LightattnError } from '@lightattn/tensor-core';

/** Misuse of autograd: backward on the wrong tensor, a freed graph, a gradient rule that broke its contract. */
export class AutogradError extends LightattnError {
  override name = 'AutogradError';
}

/** A gradient check found analytic and numeric gradients that disagree. */
export class GradcheckError extends LightattnError {
  override name = 'GradcheckError';
}
