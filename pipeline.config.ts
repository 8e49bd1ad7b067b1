import { defineConfig } from 'kiji';

/**
 * What `kiji run` does when run from this folder (`npm start`). Every key is optional;
 * an unknown key is an error that names it. Command-line flags override these values.
 */
export default defineConfig({
  // Folders or files to read when `kiji run` gets none on the command line.
  inputs: ['fixtures/articles'],
  database: 'kiji.sqlite',
  extensions: ['.txt', '.html', '.htm', '.md'],
  // Switch extractors off here; agreements then simply get no date/party links.
  stages: { dates: true, money: true, orgs: true, agreements: true },
  language: 'auto',
  // concurrency: 2, // worker threads; default: the number of cores
  lexicons: {
    // Names kiji should always recognise, on top of its built-in lexicon.
    organisations: [
      { name: '日越防衛産業協力フォーラム', aliases: ['VJDIF'], kind: 'international' },
    ],
    // Extra agreement head words with the kind they name.
    agreementHeads: [{ head: '申し合わせ', kind: 'agreement' }],
  },
  // `kiji eval` exits 1 when a type's lenient F1 falls below these.
  eval: { min: {} },
});
