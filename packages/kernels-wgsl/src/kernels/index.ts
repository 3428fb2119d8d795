import type { WgslKernelTable } from '../kernel-api.js';
import { adamwUpdateKernel } from './adamw.js';
import { binaryKernel, binaryScalarKernel } from './binary.js';
import { compareKernel, logicalKernel, logicalNotKernel, whereKernel } from './compare.js';
import { castKernel, copyKernel } from './convert.js';
import { arangeKernel, fillKernel } from './creation.js';
import { crossEntropyBackwardKernel, crossEntropyKernel } from './cross-entropy.js';
import { cumsumKernel } from './cumsum.js';
import { dropMatmulBackwardKernel, dropMatmulKernel } from './drop-matmul.js';
import { gatherKernel, scatterAddKernel } from './embedding.js';
import { selectedFlashAttentionBackwardKernel, selectedFlashAttentionKernel } from './flash-attention-select.js';
import { layerNormBackwardKernel, layerNormKernel } from './layer-norm.js';
import { concatKernel, expandKernel, padKernel, permuteKernel, setSliceKernel, sliceKernel } from './layout.js';
import { leapScanKernel } from './leap-scan.js';
import { matmulKernel } from './matmul.js';
import { dropoutMaskKernel, randomNormalKernel, randomUniformKernel } from './random.js';
import { argReduceKernel, reduceKernel } from './reduce.js';
import { logSoftmaxBackwardKernel, logSoftmaxKernel, softmaxBackwardKernel, softmaxKernel } from './softmax.js';
import { unaryBackwardKernel, unaryKernel } from './unary.js';

/**
 * The WebGPU device's kernel for each op. Exhaustive: an op added to the op set without a WGSL
 * kernel is a compile error here.
 */
export const WGSL_KERNELS: WgslKernelTable = {
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
  flashAttention: selectedFlashAttentionKernel,
  flashAttentionBackward: selectedFlashAttentionBackwardKernel,
};
