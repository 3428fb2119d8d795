import type { CpuKernelTable } from '../cpu-tensor.js';
import { adamwUpdateKernel } from './adamw.js';
import { binaryKernel, binaryScalarKernel, compareKernel, logicalKernel, whereKernel } from './binary.js';
import { arangeKernel, dropoutMaskKernel, fillKernel, randomNormalKernel, randomUniformKernel } from './creation.js';
import { crossEntropyBackwardKernel, crossEntropyKernel } from './cross-entropy.js';
import { cumsumKernel } from './cumsum.js';
import { dropMatmulBackwardKernel, dropMatmulKernel } from './drop-matmul.js';
import { castKernel, copyKernel, logicalNotKernel, unaryBackwardKernel, unaryKernel } from './elementwise.js';
import { gatherKernel, scatterAddKernel } from './embedding.js';
import { flashAttentionBackwardKernel, flashAttentionKernel } from './flash-attention.js';
import { layerNormBackwardKernel, layerNormKernel } from './layer-norm.js';
import { leapScanKernel } from './leap-scan.js';
import { concatKernel, expandKernel, padKernel, permuteKernel, setSliceKernel, sliceKernel } from './layout.js';
import { matmulKernel } from './matmul.js';
import { argReduceKernel, reduceKernel } from './reduce.js';
import { logSoftmaxBackwardKernel, logSoftmaxKernel, softmaxBackwardKernel, softmaxKernel } from './softmax.js';

/**
 * The CPU device's kernel for every op of the op set. The mapped type makes it exhaustive: an op
 * added to OpParamsMap without a CPU kernel is a compile error here.
 */
export const CPU_KERNELS: CpuKernelTable = {
  fill: fillKernel,
  arange: arangeKernel,
  randomUniform: randomUniformKernel,
  randomNormal: randomNormalKernel,
  dropoutMask: dropoutMaskKernel,
  cast: castKernel,
  copy: copyKernel,
  unary: unaryKernel,
  unaryBackward: unaryBackwardKernel,
  binary: binaryKernel,
  binaryScalar: binaryScalarKernel,
  compare: compareKernel,
  logical: logicalKernel,
  logicalNot: logicalNotKernel,
  where: whereKernel,
  reduce: reduceKernel,
  argReduce: argReduceKernel,
  matmul: matmulKernel,
  softmax: softmaxKernel,
  logSoftmax: logSoftmaxKernel,
  softmaxBackward: softmaxBackwardKernel,
  logSoftmaxBackward: logSoftmaxBackwardKernel,
  layerNorm: layerNormKernel,
  layerNormBackward: layerNormBackwardKernel,
  gather: gatherKernel,
  scatterAdd: scatterAddKernel,
  crossEntropy: crossEntropyKernel,
  crossEntropyBackward: crossEntropyBackwardKernel,
  cumsum: cumsumKernel,
  permute: permuteKernel,
  concat: concatKernel,
  slice: sliceKernel,
  pad: padKernel,
  setSlice: setSliceKernel,
  expand: expandKernel,
  adamwUpdate: adamwUpdateKernel,
  leapScan: leapScanKernel,
  dropMatmul: dropMatmulKernel,
  dropMatmulBackward: dropMatmulBackwardKernel,
  flashAttention: flashAttentionKernel,
  flashAttentionBackward: flashAttentionBackwardKernel,
};
