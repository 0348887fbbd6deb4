// Checks every HTTP exchange that the API tests recorded (tests/support/exchange_log.hpp)
// against the OpenAPI description: the route, method and status are described; the body
// matches the schema of that response and media type (binary bodies: the media type only);
// the declared headers are present and valid, and the headers that carry meaning (Set-Cookie,
// Retry-After, Content-Disposition, Allow) appear only where declared. Fails naming the route,
// the status, the test and the schema error.
//
//   node scripts/check-api-exchanges.mjs OPENAPI.json DIR
//
// OpenAPI 3.0 schemas become JSON Schema through @openapi-contrib/openapi-schema-to-json-schema
// (nullable, OpenAPI-only keywords) and are checked by Ajv; references to components/schemas
// point into one schema registered under the id "openapi".
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { openapiSchemaToJsonSchema } from '@openapi-contrib/openapi-schema-to-json-schema';

const [docPath, dir] = process.argv.slice(2);
if (!docPath || !dir) {
  console.error('usage: check-api-exchanges.mjs OPENAPI.json DIR');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(docPath, 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// Headers whose presence means something: a response may carry them only where declared.
const MEANINGFUL_HEADERS = ['x-request-id', 'set-cookie', 'retry-after', 'content-disposition', 'allow'];

// ---------------------------------------------------------------- schemas
function toJsonSchema(schema) {
  const converted = openapiSchemaToJsonSchema(schema);
  delete converted.$schema;
  return retarget(converted);
}
// "#/components/schemas/X" → "openapi#/definitions/X", everywhere in a schema.
function retarget(node) {
  if (Array.isArray(node)) return node.map(retarget);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string'
        ? value.replace(/^#\/components\/schemas\//, 'openapi#/definitions/')
        : retarget(value);
  }
  return out;
}
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const definitions = {};
for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
  definitions[name] = toJsonSchema(schema);
}
ajv.addSchema({ $id: 'openapi', definitions });
const compiled = new Map();
function validator(schema) {
  const key = JSON.stringify(schema);
  if (!compiled.has(key)) compiled.set(key, ajv.compile(toJsonSchema(schema)));
  return compiled.get(key);
}
function schemaErrors(schema, value) {
  const validate = validator(schema);
  if (validate(value)) return null;
  return validate.errors
    .map((e) => {
      const detail = e.params?.additionalProperty ?? e.params?.allowedValues ?? e.params?.missingProperty;
      return `body${e.instancePath} ${e.message}` + (detail !== undefined && e.keyword !== 'required'
        ? ` (${JSON.stringify(detail)})` : '');
    })
    .join('; ');
}

// ---------------------------------------------------------------- the description
function resolve(object) {
  let seen = 0;
  while (object && object.$ref) {
    if (++seen > 10) throw new Error(`reference loop at ${object.$ref}`);
    const parts = object.$ref.replace(/^#\//, '').split('/');
    object = parts.reduce((o, p) => o?.[p.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return object;
}
const routes = Object.keys(doc.paths).map((template) => {
  const segments = template.split('/');
  return {
    template,
    literals: segments.filter((s) => !s.startsWith('{')).length,
    regex: new RegExp(
      '^' +
        segments
          .map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('/') +
        '$',
    ),
  };
});
function routeOf(pathname) {
  const matches = routes.filter((r) => r.regex.test(pathname));
  matches.sort((a, b) => b.literals - a.literals);
  return matches[0]?.template;
}
const operations = new Map();  // "METHOD template" → times exercised
for (const [template, item] of Object.entries(doc.paths)) {
  for (const method of METHODS) {
    if (item[method]) operations.set(`${method.toUpperCase()} ${template}`, 0);
  }
}

// ---------------------------------------------------------------- checking one exchange
function mediaType(contentType) {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function checkHeaders(response, headers, problems) {
  const declared = new Map();
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    declared.set(name.toLowerCase(), resolve(header));
  }
  for (const [name, header] of declared) {
    const value = headers[name];
    if (value === undefined) {
      if (header.required) problems.push(`header ${name} is declared required but missing`);
      continue;
    }
    const schema = header.schema ?? {};
    const typed = schema.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
    const error = schemaErrors(schema, typed);
    if (error) problems.push(`header ${name}: ${error.replace(/^body/, name)}`);
  }
  for (const name of MEANINGFUL_HEADERS) {
    if (headers[name] !== undefined && !declared.has(name)) {
      problems.push(`header ${name} is sent but not declared`);
    }
  }
}

function checkBody(response, exchange, problems) {
  const content = response.content;
  if (!content || Object.keys(content).length === 0) {
    if (exchange.body_bytes > 0) problems.push('a body is sent but none is described');
    return;
  }
  const type = mediaType(exchange.headers['content-type']);
  const entry = Object.entries(content).find(([t]) => t.toLowerCase() === type);
  if (!entry) {
    problems.push(
      `content type ${type || '(none)'} is not described (described: ${Object.keys(content).join(', ')})`,
    );
    return;
  }
  const [, media] = entry;
  if (type === 'application/json') {
    let body;
    try {
      body = JSON.parse(exchange.body ?? '');
    } catch (e) {
      problems.push(`the body is not JSON: ${e.message}`);
      return;
    }
    const error = schemaErrors(media.schema ?? {}, body);
    if (error) problems.push(error);
  } else if (type.startsWith('text/')) {
    if (typeof exchange.body !== 'string') problems.push('a text body was not recorded');
  }
  // Other media types (PDF, images): the content type is all that is checked.
}

// Answers that come before routing or for no route, valid for any request (info.description).
const GENERIC = {
  400: 'BadRequest',  // malformed HTTP
  404: 'NotFound',  // a path that is not described
  405: 'MethodNotAllowed',  // a described path with another method
  413: 'PayloadTooLarge',  // header block or body over the limit, refused before routing
};

function check(exchange) {
  const problems = [];
  const url = new URL(exchange.target || '/', 'http://x');
  const method = (exchange.method || '').toLowerCase() === 'head' ? 'get' : (exchange.method || '').toLowerCase();
  const isApi = url.pathname === '/metrics' || url.pathname.startsWith('/metrics/') ||
                url.pathname === '/api' || url.pathname.startsWith('/api/');
  if (exchange.method && !isApi) return { skipped: true };  // the web app, not the API
  const template = exchange.method ? routeOf(url.pathname) : undefined;
  const operation = template ? doc.paths[template][method] : undefined;
  let response;
  let route;
  if (operation) {
    route = `${method.toUpperCase()} ${template}`;
    operations.set(route, operations.get(route) + 1);
    response = operation.responses[String(exchange.status)];
    if (!response) {
      problems.push(`status ${exchange.status} is not described for ${route}`);
      return { route, problems };
    }
    response = resolve(response);
  } else {
    // No operation: malformed HTTP, an undescribed path, or another method on a described path.
    route = exchange.method ? `${exchange.method} ${url.pathname} (no operation)` : '(malformed request)';
    const allowed = !exchange.method ? [400] : template ? [400, 405, 413] : [400, 404, 413];
    if (!allowed.includes(exchange.status)) {
      problems.push(`status ${exchange.status} for a request that no operation describes ` +
                    `(expected one of ${allowed.join(', ')})`);
      return { route, problems };
    }
    response = resolve({ $ref: `#/components/responses/${GENERIC[exchange.status]}` });
  }
  checkHeaders(response, exchange.headers, problems);
  if (exchange.method?.toUpperCase() !== 'HEAD') checkBody(response, exchange, problems);
  return { route, problems };
}

// ---------------------------------------------------------------- main
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
let checked = 0;
let skipped = 0;
const failures = new Map();  // route + status + problem → { count, example }
for (const file of files) {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);
  for (const [index, line] of lines.entries()) {
    let exchange;
    try {
      exchange = JSON.parse(line);
    } catch (e) {
      console.error(`${file}:${index + 1}: not a JSON line: ${e.message}`);
      process.exitCode = 1;
      continue;
    }
    const result = check(exchange);
    if (result.skipped) {
      skipped++;
      continue;
    }
    checked++;
    for (const problem of result.problems) {
      const key = `${result.route} → ${exchange.status}: ${problem}`;
      const failure = failures.get(key) ?? { count: 0, example: exchange };
      failure.count++;
      failures.set(key, failure);
    }
  }
}

const unexercised = [...operations].filter(([, n]) => n === 0).map(([op]) => op);
console.log(`${checked} API responses checked against ${docPath} (${skipped} of the web app skipped); ` +
            `${operations.size - unexercised.length} of ${operations.size} operations exercised.`);
if (unexercised.length) console.log(`Not exercised by the tests: ${unexercised.join('; ')}`);
if (checked === 0) {
  console.error(`No API exchange was recorded in ${dir}: run the API tests with ` +
                'EGOV_API_EXCHANGES_DIR set (ctest does).');
  process.exit(1);
}
if (failures.size) {
  console.error(`\n${failures.size} kinds of response do not match the description:`);
  for (const [key, { count, example }] of failures) {
    console.error(`\n✗ ${key}\n  ${count}×, e.g. ${example.method} ${example.target} in ${example.test}` +
                  (example.body !== undefined ? `\n  body: ${example.body.slice(0, 400)}` : ''));
  }
  process.exit(1);
}
