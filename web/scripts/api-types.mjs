// Generates src/api/schema.d.ts from the server's OpenAPI description (../src/api/openapi.json)
// with openapi-typescript, or with --check regenerates into a temporary file and fails when the
// committed file differs (a description changed without `npm run gen:api-types`).
//
//   node scripts/api-types.mjs           # write src/api/schema.d.ts
//   node scripts/api-types.mjs --check   # exit 1 when src/api/schema.d.ts is stale
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const description = resolve(web, '../src/api/openapi.json');
const committed = resolve(web, 'src/api/schema.d.ts');
const cli = resolve(web, 'node_modules/openapi-typescript/bin/cli.js');
const check = process.argv.includes('--check');

function generate(output) {
  const run = spawnSync(process.execPath, [cli, description, '--output', output], {
    cwd: web,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    console.error(`api-types: openapi-typescript failed on ${description}`);
    process.exit(2);
  }
}

if (!existsSync(cli)) {
  console.error('api-types: openapi-typescript is not installed: run `npm ci` in web/');
  process.exit(2);
}

if (!check) {
  generate(committed);
  console.log('api-types: wrote src/api/schema.d.ts');
  process.exit(0);
}

const folder = mkdtempSync(join(tmpdir(), 'egov-api-types-'));
try {
  const fresh = join(folder, 'schema.d.ts');
  generate(fresh);
  const current = existsSync(committed) ? readFileSync(committed, 'utf8') : '';
  if (readFileSync(fresh, 'utf8') !== current) {
    console.error(
      'api-types: web/src/api/schema.d.ts is stale: src/api/openapi.json changed.\n' +
        '  Run `npm run gen:api-types` in web/, fix what the type check then reports, and commit both.',
    );
    process.exit(1);
  }
  console.log('api-types: web/src/api/schema.d.ts matches src/api/openapi.json');
} finally {
  rmSync(folder, { recursive: true, force: true });
}
