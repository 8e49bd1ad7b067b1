import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const bin = join(resolve(import.meta.dirname, '../..'), 'dist/bundle/kiji.js');

describe('kiji --version', () => {
  it('prints what the full CLI prints, from the short path that loads no command', async () => {
    let out = '';
    const stdout = new Writable({ write: (chunk, _e, done) => ((out += String(chunk)), done()) });
    expect(await main(['--version'], { stdout, stderr: stdout, stdin: process.stdin, cwd: process.cwd() } as never)).toBe(0);
    for (const flag of ['--version', '-V']) expect(execFileSync(process.execPath, [bin, flag], { encoding: 'utf8' })).toBe(out);
  });
});
