// Reference results for the differential schema-utility tests (GraphQLCoreTests/SchemaDifferentialTests.swift).
//
// Usage: node graphql-schema-reference.js print CORPUS_DIR
//   For every *.graphql file in CORPUS_DIR: graphql-js's printSchema(buildSchema(document)),
//   or the error message, as one JSON object keyed by file name; plus, under "introspection",
//   printIntrospectionSchema of a minimal schema.
// Usage: node graphql-schema-reference.js diff CORPUS_DIR
//   For every folder in CORPUS_DIR holding old.graphql and new.graphql: graphql-js's
//   findBreakingChanges and findDangerousChanges ({type, description} in order), or the error.
'use strict';

const fs = require('fs');
const path = require('path');

function loadGraphQL() {
  // Debian's node-graphql lives in /usr/share/nodejs, which a Node.js from elsewhere
  // does not search by default.
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
const [mode, corpus] = process.argv.slice(2);
const read = (...parts) => fs.readFileSync(path.join(corpus, ...parts), 'utf8');
const changes = (list) => list.map(({ type, description }) => ({ type, description }));
const results = {};
let introspection;

if (mode === 'print') {
  introspection = graphql.printIntrospectionSchema(graphql.buildSchema('type Query { a: String }'));
  for (const file of fs.readdirSync(corpus).filter((name) => name.endsWith('.graphql')).sort()) {
    try {
      results[file] = { printed: graphql.printSchema(graphql.buildSchema(read(file))) };
    } catch (error) {
      results[file] = { error: String(error.message) };
    }
  }
} else if (mode === 'diff') {
  for (const pair of fs.readdirSync(corpus).sort()) {
    if (!fs.existsSync(path.join(corpus, pair, 'old.graphql'))) continue;
    try {
      const oldSchema = graphql.buildSchema(read(pair, 'old.graphql'));
      const newSchema = graphql.buildSchema(read(pair, 'new.graphql'));
      results[pair] = {
        breaking: changes(graphql.findBreakingChanges(oldSchema, newSchema)),
        dangerous: changes(graphql.findDangerousChanges(oldSchema, newSchema)),
      };
    } catch (error) {
      results[pair] = { error: String(error.message) };
    }
  }
} else {
  process.stderr.write('usage: node graphql-schema-reference.js print|diff CORPUS_DIR\n');
  process.exit(2);
}
process.stdout.write(JSON.stringify({ version: graphql.version, introspection, results }));
