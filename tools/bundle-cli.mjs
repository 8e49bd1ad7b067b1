#!/usr/bin/env node
/**
 * The `kiji` executable as bundled chunks instead of ≈ 40 small modules (issue #19: an unchanged re-run ≤ 2 % of a full
 * run, of which node resolving, reading and linking modules one by one was a third).
 *
 *   node tools/bundle-cli.mjs        (the last step of `npm run build`, after tsc)
 *
 * Bundles tsc's output from dist/cli/bin.js into dist/bundle/: kiji.js, the entry, and chunks beside it, split at
 * each dynamic import so that a command loads only what it uses (a re-run never loads the stages). What stays a
 * module of its own:
 *   - every npm package but commander and ignore (small, pure JavaScript, commander on every command's path):
 *     better-sqlite3 has a native binding, and the others load their own files (dictionaries, models) or are large
 *     and lazily used;
 *   - the worker and writer threads, which piscina and `new Worker` start from their own files in dist/.
 * A bundled module's `import.meta.url` is replaced by the URL it has in dist/, so that the files it finds next to
 * itself (the dictionary image, the model, version.json, the thread entry points) are the same as unbundled.
 */
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');
const BUNDLED_PACKAGES = new Set(['commander', 'ignore']);

/** `a/b` of `a/b/c`, `@s/a` of `@s/a/b`. */
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * commander requires node:child_process when it loads, for subcommands that are executables of their own, which kiji
 * has none of; loading it (and node:net with it) was 2–4 % of an unchanged re-run. The bundled copy requires it when
 * spawn is first read instead. The build fails when the line is not there (a commander release that changed it).
 */
const COMMANDER_COMMAND = join(root, 'node_modules', 'commander', 'lib', 'command.js');
const CHILD_PROCESS_REQUIRE = "const childProcess = require('node:child_process');";
function withLazyChildProcess(source) {
  if (!source.includes(CHILD_PROCESS_REQUIRE)) throw new Error(`tools/bundle-cli.mjs: ${COMMANDER_COMMAND} no longer has \`${CHILD_PROCESS_REQUIRE}\`: update withLazyChildProcess`);
  return source.replace(CHILD_PROCESS_REQUIRE, "const childProcess = { get spawn() { return require('node:child_process').spawn; } };");
}

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { kiji: join(dist, 'cli', 'bin.js') },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // commander and ignore are CommonJS; in an ES module their require() of node's modules needs one.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
  plugins: [{
    name: 'kiji-cli',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, ({ path }) => (path.startsWith('node:') || !BUNDLED_PACKAGES.has(packageOf(path)) ? { external: true } : undefined));
      b.onLoad({ filter: /\.js$/ }, ({ path }) => {
        if (path === COMMANDER_COMMAND) return { contents: withLazyChildProcess(readFileSync(path, 'utf8')), loader: 'js', resolveDir: dirname(path) };
        if (!path.startsWith(dist + sep)) return undefined;
        const source = readFileSync(path, 'utf8');
        // A URL path, with forward slashes whatever the platform's separator.
        const url = `new URL(${JSON.stringify(relative(outdir, path).split(sep).join('/'))}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', url), loader: 'js', resolveDir: dirname(path) };
      });
    },
  }],
});
chmodSync(join(outdir, 'kiji.js'), 0o755);
