/**
 * Worker for the throughput bench's parallel-ceiling probe: loads kiji's tokenizer (run as the pipeline runs
 * it: tokenizeSegments), reports ready, and on
 * `go` tokenizes its share of the texts (every n-th, interleaved so each share has the same mix), then
 * reports its busy time. Nothing but tokenizing is timed, so the 1-thread vs n-thread ratio is what the
 * machine gives this workload when it runs in parallel.
 */
import { parentPort, workerData } from 'node:worker_threads';

const { repoRoot, texts, share, shares } = workerData;
const { loadTokenizer, tokenizeSegments } = await import(`${repoRoot}/dist/stages/tokenize/kuromoji.js`);
const { splitSentences } = await import(`${repoRoot}/dist/text/sentences.js`);
const tokenizer = await loadTokenizer();
parentPort.postMessage({ ready: true });
parentPort.once('message', () => {
  const start = performance.now();
  for (let i = share; i < texts.length; i += shares) {
    tokenizeSegments(tokenizer, texts[i], splitSentences(texts[i]));
  }
  parentPort.postMessage({ busyMs: performance.now() - start });
});
