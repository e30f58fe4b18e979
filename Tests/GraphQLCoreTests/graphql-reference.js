// Reference results for the differential language test (GraphQLCoreTests/DifferentialTests.swift).
//
// Usage: node graphql-reference.js CORPUS_DIR
// For every *.graphql file in CORPUS_DIR, prints graphql-js's print(parse(document)), or
// the syntax error's message, line and column, as one JSON object keyed by file name.
// Files named *.value.graphql are parsed with parseValue, *.type.graphql with parseType.
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
const corpus = process.argv[2];
const results = {};
for (const file of fs.readdirSync(corpus).filter((name) => name.endsWith('.graphql')).sort()) {
  const body = fs.readFileSync(path.join(corpus, file), 'utf8');
  try {
    let node;
    if (file.endsWith('.value.graphql')) node = graphql.parseValue(body);
    else if (file.endsWith('.type.graphql')) node = graphql.parseType(body);
    else node = graphql.parse(body);
    results[file] = { printed: graphql.print(node) };
  } catch (error) {
    if (!(error instanceof graphql.GraphQLError)) throw error;
    const [location] = error.locations || [{ line: 0, column: 0 }];
    results[file] = { error: error.message, line: location.line, column: location.column };
  }
}
process.stdout.write(JSON.stringify({ version: graphql.version, results }));
