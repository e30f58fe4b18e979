// graphql-js-bench.js: the GraphQL workloads of issue 3 (the same inputs as graphql-bench) for
// graphql-js 16, the reference implementation (Debian's node-graphql). Default resolvers over
// plain objects. Run through Benchmarks/graphql-bench.sh, which merges the output lines
// (`check ...` and `result <workload> <engine> <median ns> <p90 ns> <ops/s> <iterations>`).
//
//   node graphql-js-bench.js [--seconds S] [--warmup S] [--only WORKLOAD[,WORKLOAD...]]
'use strict';

const fs = require('fs');
const path = require('path');

function loadGraphQL() {
  // Debian's node-graphql lives in /usr/share/nodejs, which a Node.js from elsewhere does not search.
  for (const candidate of ['graphql', '/usr/share/nodejs/graphql']) {
    try {
      return require(candidate);
    } catch (error) {
      if (error.code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  throw new Error('graphql-js not found: apt-get install node-graphql');
}
const { parse, buildSchema, validate, validateSchema, execute, graphql, version } = loadGraphQL();
const engine = `graphql-js ${version}`;

const options = { seconds: 1.5, warmup: 0.3, only: new Set(), inputs: path.join(__dirname, 'Inputs') };
const argv = process.argv.slice(2);
for (let index = 0; index < argv.length; index += 2) {
  const [name, value] = [argv[index], argv[index + 1]];
  if (value === undefined) throw new Error(`missing value after ${name}`);
  if (name === '--seconds') options.seconds = Number(value);
  else if (name === '--warmup') options.warmup = Number(value);
  else if (name === '--inputs') options.inputs = value;
  else if (name === '--only') options.only = new Set(value.split(','));
  else throw new Error(`unknown option ${name}`);
}
const read = (name) => fs.readFileSync(path.join(options.inputs, name), 'utf8');
const wants = (workload) => options.only.size === 0 || options.only.has(workload);

let sink = 0;
const now = () => process.hrtime.bigint();

// The same harness as the Swift one: warm-up, then single operations timed until both the time
// and 50 operations are reached. An operation may return a promise (graphql()); it is awaited.
async function measure(workload, body) {
  const warmupEnd = now() + BigInt(Math.round(options.warmup * 1e9));
  for (let count = 0; count < 10 || now() < warmupEnd; count += 1) {
    let value = body();
    if (value instanceof Promise) value = await value;
    sink += value;
  }
  const samples = [];
  const start = now();
  const end = start + BigInt(Math.round(options.seconds * 1e9));
  let last = start;
  while (samples.length < 50 || last < end) {
    let value = body();
    if (value instanceof Promise) value = await value;
    sink += value;
    const current = now();
    samples.push(Number(current - last));
    last = current;
  }
  const total = Number(last - start) / 1e9;
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const p90 = samples[Math.min(samples.length - 1, Math.floor((samples.length * 9) / 10))];
  console.log(['result', workload, engine, median, p90, Math.round(samples.length / total), samples.length].join('\t'));
}

function check(workload, text) {
  console.log(['check', workload, engine, text].join('\t'));
}

function verify(workload, result) {
  const json = JSON.stringify(result);
  if (result.errors || !result.data || Object.keys(result.data).length === 0) {
    throw new Error(`${engine} ${workload}: ${json.slice(0, 500)}`);
  }
  if (process.env.GRAPHQL_BENCH_DUMP) {
    fs.writeFileSync(path.join(process.env.GRAPHQL_BENCH_DUMP, `${workload}.graphql-js.json`), json);
  }
  check(workload, `response ${Buffer.byteLength(json)} bytes of JSON, no errors`);
}

async function main() {
  const schema = buildSchema(read('schema.graphql'));
  const schemaErrors = validateSchema(schema);
  if (schemaErrors.length) throw new Error(schemaErrors.join('\n'));

  if (wants('parse-kitchen-sink')) {
    const text = read('kitchen-sink.graphql');
    check('parse-kitchen-sink', `${parse(text).definitions.length} definitions`);
    await measure('parse-kitchen-sink', () => parse(text).definitions.length);
  }
  if (wants('parse-50kb')) {
    const text = read('large-query.graphql');
    check('parse-50kb', `${parse(text).definitions.length} definitions`);
    await measure('parse-50kb', () => parse(text).definitions.length);
  }
  if (wants('validate-medium')) {
    const document = parse(read('medium-query.graphql'));
    const errors = validate(schema, document);
    if (errors.length) throw new Error(errors.join('\n'));
    check('validate-medium', '0 errors');
    await measure('validate-medium', () => validate(schema, document).length + 1);
  }
  if (wants('execute-1000-items')) {
    const document = parse(read('items-query.graphql'));
    const rootValue = JSON.parse(read('items.json'));
    verify('execute-1000-items', execute({ schema, document, rootValue }));
    await measure('execute-1000-items', () => {
      const result = execute({ schema, document, rootValue });
      return (result.errors ? result.errors.length : 0) + (result.data ? 1 : 0);
    });
  }
  if (wants('introspection')) {
    const document = parse(read('introspection.graphql'));
    verify('introspection', execute({ schema, document }));
    await measure('introspection', () => {
      const result = execute({ schema, document });
      return (result.errors ? result.errors.length : 0) + (result.data ? 1 : 0);
    });
  }
  if (wants('small-parse-validate-execute')) {
    const source = read('small-query.graphql');
    const rootValue = JSON.parse(read('small-root.json'));
    verify('small-parse-validate-execute', await graphql({ schema, source, rootValue }));
    await measure('small-parse-validate-execute', async () => {
      const result = await graphql({ schema, source, rootValue });
      return (result.errors ? result.errors.length : 0) + (result.data ? 1 : 0);
    });
  }
  console.log(`sink\t${sink}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
