// Reference results for the differential execution test (GraphQLCoreTests/ExecutionDifferentialTests.swift).
//
// Usage: node graphql-execute-reference.js CORPUS_DIR
// CORPUS_DIR holds one directory per schema: schema.graphql (SDL), data.json (the root value)
// and cases/*.graphql (requests). A request may start with comment lines
//   # variables: {"id": 1}
//   # operationName: Name
// For each case prints JSON.stringify(await graphql(...)) as graphql-js 16 produces it, using
// the same resolution rules as GraphQLCore's executeWithJSONRoot: a field reads the parent's own
// property of its name, abstract types resolve by `__typename`. Fields whose name starts with
// "echo" return JSON.stringify of their coerced arguments, to expose argument coercion.
// Cases that fail graphql-js validation are reported as {"invalid": [messages]}.
'use strict';

const fs = require('fs');
const path = require('path');

function loadGraphQL() {
  for (const candidate of ['graphql', '/usr/share/nodejs/graphql']) {
    try {
      return require(candidate);
    } catch (error) {
      if (error.code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  process.stderr.write('graphql-js is not installed (apt-get install node-graphql)\n');
  process.exit(2);
}

const graphql = loadGraphQL();

function header(text, key) {
  const match = text.match(new RegExp('^# ' + key + ': (.*)$', 'm'));
  return match ? match[1] : undefined;
}

function fieldResolver(source, args, _context, info) {
  if (info.fieldName.startsWith('echo')) return JSON.stringify(args);
  if (source !== null && typeof source === 'object' && Object.prototype.hasOwnProperty.call(source, info.fieldName)) {
    return source[info.fieldName];
  }
  return undefined;
}

function typeResolver(value) {
  if (value !== null && typeof value === 'object' && typeof value.__typename === 'string') return value.__typename;
  return undefined;
}

async function main() {
  const corpus = process.argv[2];
  const results = {};
  for (const schemaName of fs.readdirSync(corpus).sort()) {
    const dir = path.join(corpus, schemaName);
    if (!fs.statSync(dir).isDirectory()) continue;
    const schema = graphql.buildSchema(fs.readFileSync(path.join(dir, 'schema.graphql'), 'utf8'));
    const root = JSON.parse(fs.readFileSync(path.join(dir, 'data.json'), 'utf8'));
    const casesDir = path.join(dir, 'cases');
    for (const file of fs.readdirSync(casesDir).filter((name) => name.endsWith('.graphql')).sort()) {
      const source = fs.readFileSync(path.join(casesDir, file), 'utf8');
      const key = schemaName + '/' + file;
      const variables = header(source, 'variables');
      const operationName = header(source, 'operationName');
      let document;
      try {
        document = graphql.parse(source);
      } catch (error) {
        results[key] = { invalid: [error.message] };
        continue;
      }
      const validationErrors = graphql.validate(schema, document);
      if (validationErrors.length > 0) {
        results[key] = { invalid: validationErrors.map((error) => error.message) };
        continue;
      }
      const result = await graphql.execute({
        schema, document, rootValue: root, fieldResolver, typeResolver,
        variableValues: variables === undefined ? undefined : JSON.parse(variables),
        operationName,
      });
      results[key] = { json: JSON.stringify(result) };
    }
  }
  process.stdout.write(JSON.stringify({ version: graphql.version, results }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
