/**
 * Throw-away PostgreSQL and Redis servers on loopback, on ports of their own, for the cluster tests
 * and `npm run bench:cluster` — no containers, the Debian packages' binaries. Each lives in a temp
 * folder removed on stop. PostgreSQL refuses to run as root, so as root its processes run as the
 * `postgres` user (which the Debian package creates).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOW_TO_GET_THEM = 'install them with `apt-get install -y redis-server postgresql` (Debian/Ubuntu), or run .ci/run as root';

/** PostgreSQL's server binaries: Debian keeps them under /usr/lib/postgresql/<major>/bin, off PATH. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    for (const major of majors) if (existsSync(join(root, major, 'bin', 'pg_ctl'))) return join(root, major, 'bin');
  }
  const which = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = which.status === 0 ? which.stdout.trim() : '';
  return dir && existsSync(join(dir, 'pg_ctl')) ? dir : undefined;
}

export function redisServerBinary(): string | undefined {
  for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}

/** Why the cluster services cannot run here, or undefined when they can. */
export function missingServices(): string | undefined {
  const missing = [postgresBinDir() ? undefined : 'PostgreSQL (pg_ctl, initdb)', redisServerBinary() ? undefined : 'redis-server'].filter(Boolean);
  if (missing.length === 0 && process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0) return 'running as root without a `postgres` user to run PostgreSQL as';
  return missing.length ? `${missing.join(' and ')} not installed: ${HOW_TO_GET_THEM}` : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function run(command: string, args: string[], asPostgres: boolean): void {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

export interface LocalPostgres {
  readonly url: string;
  readonly port: number;
  /** Stops the server (fast shutdown) and starts it again on the same port and data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPostgres(options: { durable?: boolean } = {}): Promise<LocalPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`PostgreSQL is not installed: ${HOW_TO_GET_THEM}`);
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'kiji-pg-'));
  if (asPostgres) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-U', 'kiji', '--auth=trust', '--locale=C', '-E', 'UTF8', '--no-sync'], asPostgres);
  // Tests: no fsync (a restart is a clean shutdown, which loses nothing). The bench keeps PostgreSQL's defaults.
  const settings = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=50',
    ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'])];
  const start = () => run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', settings.join(' '), 'start'], asPostgres);
  start();
  run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'kiji', 'kiji'], asPostgres);
  return {
    url: `postgres://kiji@127.0.0.1:${port}/kiji`,
    port,
    async restart() {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], asPostgres);
      start();
    },
    async stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asPostgres);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export interface LocalRedis {
  readonly url: string;
  readonly port: number;
  /** SHUTDOWN (Redis writes its append-only file) and start again on the same port and data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<LocalRedis> {
  const binary = redisServerBinary();
  if (!binary) throw new Error(`redis-server is not installed: ${HOW_TO_GET_THEM}`);
  const dir = mkdtempSync(join(tmpdir(), 'kiji-redis-'));
  const port = await freePort();
  // appendonly: jobs survive a restart, as BullMQ's docs ask of a production Redis; noeviction: Redis never drops a job to make room.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec',
    '--maxmemory-policy', 'noeviction', '--daemonize', 'no', '--protected-mode', 'no'];
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(binary, args, { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
      if (ping.stdout?.trim() === 'PONG') return;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const shutdown = async () => {
    const current = child;
    if (!current || current.exitCode !== null) return;
    const exited = new Promise((r) => current.once('exit', r));
    current.kill('SIGTERM'); // Redis flushes its append-only file on SIGTERM
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart() {
      await shutdown();
      await start();
    },
    async stop() {
      await shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
