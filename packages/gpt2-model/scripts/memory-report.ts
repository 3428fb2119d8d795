// Prints the memory table of docs/model.md: a GPT-2 small training step (AdamW, fp32) at
// batch 4 × 1024 tokens on the meta device, one row per configuration.
//   node --conditions=source --import tsx packages/gpt2-model/scripts/memory-report.ts [batch] [seq] [preset]
import { gpt2Config, type GPT2PresetName } from '../src/config.js';
import { formatMemoryReport, memoryReport } from '../src/memory-report.js';

const [batch = '4', seq = '1024', preset = 'gpt2'] = process.argv.slice(2);
const started = performance.now();
const rows = memoryReport(gpt2Config(preset as GPT2PresetName), { batch: Number(batch), seq: Number(seq) });
console.log(`${preset}, batch ${batch}, seq ${seq}, fp32, AdamW (meta device, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
console.log(formatMemoryReport(rows));
