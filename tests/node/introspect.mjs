// Runs graphql-js's standard introspection query, with every option a client may turn on, against a GraphQL endpoint
// and builds a client schema from each answer, as GraphiQL, Apollo Sandbox and graphql-codegen do.
// Usage: node introspect.mjs URL. Prints one JSON line per variant: { options, ok, error?, types? }.
import { getIntrospectionQuery, buildClientSchema } from 'graphql';

const [url] = process.argv.slice(2);
const variants = [
  {},
  { directiveIsRepeatable: true },
  { inputValueDeprecation: true },
  { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true },
];
for (const options of variants) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: getIntrospectionQuery(options) }),
  });
  const body = await response.json();
  if (body.errors) {
    console.log(JSON.stringify({ options, ok: false, error: body.errors.map((e) => e.message).join(' ') }));
    continue;
  }
  const schema = buildClientSchema(body.data);
  console.log(JSON.stringify({ options, ok: true, types: Object.keys(schema.getTypeMap()).length, query: schema.getQueryType().name }));
}
