import { binaryRule, binaryScalarRule, castRule, copyRule, unaryRule, whereRule } from './grad-rules-elementwise.js';
import { concatRule, expandRule, padRule, permuteRule, sliceRule } from './grad-rules-layout.js';
import { crossEntropyRule, gatherRule, layerNormRule, logSoftmaxRule, scatterAddRule, softmaxRule } from './grad-rules-nn.js';
import { cumsumRule, matmulRule, reduceRule } from './grad-rules-reduce.js';
import type { GradRuleTable } from './grad-rule.js';

/**
 * One gradient rule per differentiable op of the op set, each with its derivative written beside it
 * (in the family files). Typed `{ [K in DifferentiableOpName]: GradRule<K> }`: a missing rule does
 * not compile. Views (reshape and friends) are not ops; their rule is in ops-layout.ts.
 */
export const GRAD_RULES: GradRuleTable = {
  cast: castRule,
  copy: copyRule,
  unary: unaryRule,
  binary: binaryRule,
  binaryScalar: binaryScalarRule,
  where: whereRule,
  reduce: reduceRule,
  matmul: matmulRule,
  softmax: softmaxRule,
  logSoftmax: logSoftmaxRule,
  layerNorm: layerNormRule,
  gather: gatherRule,
  scatterAdd: scatterAddRule,
  crossEntropy: crossEntropyRule,
  cumsum: cumsumRule,
  permute: permuteRule,
  concat: concatRule,
  slice: sliceRule,
  pad: padRule,
  expand: expandRule,
};
