import type { WgslKernelTable } from '../kernel-api.js';
import { adamwUpdateKernel } from './ops/adamw.js';
import { binaryKernel, binaryScalarKernel } from './ops/binary.js';
import { compareKernel, logicalKernel, logicalNotKernel, whereKernel } from './ops/compare.js';
import { castKernel, copyKernel } from './ops/convert.js';
import { arangeKernel, fillKernel } from './ops/creation.js';
import { crossEntropyBackwardKernel, crossEntropyKernel } from './ops/cross-entropy.js';
import { cumsumKernel } from './ops/cumsum.js';
import { dropMatmulBackwardKernel, dropMatmulKernel } from './ops/drop-matmul.js';
import { gatherKernel, scatterAddKernel } from './ops/embedding.js';
import { selectedFlashAttentionBackwardKernel, selectedFlashAttentionKernel } from './flash/select.js';
import { layerNormBackwardKernel, layerNormKernel } from './ops/layer-norm.js';
import { concatKernel, expandKernel, padKernel, permuteKernel, setSliceKernel, sliceKernel } from './ops/layout.js';
import { leapScanKernel } from './ops/leap-scan.js';
import { matmulKernel } from './ops/matmul.js';
import { dropoutMaskKernel, randomNormalKernel, randomUniformKernel } from './ops/random.js';
import { argReduceKernel, reduceKernel } from './ops/reduce.js';
import { logSoftmaxBackwardKernel, logSoftmaxKernel, softmaxBackwardKernel, softmaxKernel } from './ops/softmax.js';
import { unaryBackwardKernel, unaryKernel } from './ops/unary.js';

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
