// Reference results for the differential validation test (GraphQLCoreTests/ValidationDifferentialTests.swift).
//
// Usage: node graphql-validate-reference.js CORPUS_DIR
// CORPUS_DIR holds one directory per schema: schema.graphql (SDL) and cases/*.graphql (documents).
// For each document prints graphql-js 16 `validate(schema, parse(doc))` as a list of lines
// "MESSAGE @ LINE:COLUMN,LINE:COLUMN" (one per error, in order); a document that does not
// parse gives ["SYNTAX: message"].
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

function describe(error) {
  const locations = (error.locations || []).map((l) => l.line + ':' + l.column).join(',');
  return error.message + ' @ ' + locations;
}

const corpus = process.argv[2];
const results = {};
for (const schemaName of fs.readdirSync(corpus).sort()) {
  const dir = path.join(corpus, schemaName);
  if (!fs.statSync(dir).isDirectory()) continue;
  const schema = graphql.buildSchema(fs.readFileSync(path.join(dir, 'schema.graphql'), 'utf8'));
  const casesDir = path.join(dir, 'cases');
  for (const file of fs.readdirSync(casesDir).filter((name) => name.endsWith('.graphql')).sort()) {
    const key = schemaName + '/' + file;
    const source = fs.readFileSync(path.join(casesDir, file), 'utf8');
    let document;
    try {
      document = graphql.parse(source);
    } catch (error) {
      results[key] = ['SYNTAX: ' + error.message];
      continue;
    }
    results[key] = graphql.validate(schema, document).map(describe);
  }
}
process.stdout.write(JSON.stringify({ version: graphql.version, results }));
