#!/usr/bin/env node
import { main } from './main.js';

// The only place that sets the process exit code.
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() });
