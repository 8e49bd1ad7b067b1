// One article of N characters dense with dates and amounts (issue #14: a megabyte took 124 s, in the quadratic
// overlap resolution). Prints the time of one pipeline.process call and the slowest steps.
//   node bench/dense.mjs [chars=1000000] [dist folder=dist]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const chars = Number(process.argv[2] ?? 1_000_000);
const dist = resolve(process.argv[3] ?? 'dist');
const { createPipeline } = await import(pathToFileURL(resolve(dist, 'index.js')).href);
const unit = '2025年11月2日に国防省は1億3000万円、同月5日に500万ドルを拠出した。';
const text = unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
const pipeline = await createPipeline({ language: 'ja' });
const started = performance.now();
const result = pipeline.process({ id: 'dense', text, publishedAt: '2025-11-04' });
const ms = performance.now() - started;
const steps = Object.entries(pipeline.stageTimings()).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`);
console.log(`${chars} chars, ${result.records.length} records: ${(ms / 1000).toFixed(1)} s (${steps.join(', ')})`);
