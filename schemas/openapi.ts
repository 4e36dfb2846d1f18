// Generates the OpenAPI 3.1 document from the route table and the zod schemas, so the
// document can never drift from what the handlers accept and answer.
import * as z from 'zod';
import { deployedRoutes, type RouteSpec } from '#functions/routes';
import { PROBLEMS } from '#core/problems';

// Named schemas (Problem among them) are components, registered by schemas/api.ts via the route table.
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): object {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return ref(id);
  // A private registry: nested schemas are inlined instead of being pulled into local $defs,
  // whose references would not resolve inside an OpenAPI document.
  return z.toJSONSchema(schema, { metadata: z.registry(), io, unrepresentable: 'any' });
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

function operation(route: RouteSpec): object {
  const parameters: object[] = [];
  for (const [name, schema] of Object.entries(route.params ?? {})) {
    parameters.push({ name, in: 'path', required: true, schema: schemaOf(schema, 'input') });
  }
  if (route.query instanceof z.ZodObject) {
    for (const [name, schema] of Object.entries(route.query.shape as Record<string, z.ZodType>)) {
      parameters.push({ name, in: 'query', required: !schema.safeParse(undefined).success, schema: schemaOf(schema, 'input') });
    }
  }
  if (route.ifMatch) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: route.ifMatch === 'required',
      description: 'The ETag of the revision this change starts from',
      schema: { type: 'string' },
    });
  }
  if (route.ifNoneMatch) {
    parameters.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: '`*`: do this only if nothing exists yet (a first save that must not overwrite one made meanwhile)',
      schema: { type: 'string' },
    });
  }
  const status = String(route.status ?? 200);
  // A route that answers only another media type (an HTML page) has no JSON body to describe.
  const onlyOther = route.produces !== undefined && route.response instanceof z.ZodString;
  const content: Record<string, object> = onlyOther ? {} : { 'application/json': { schema: schemaOf(route.response, 'output') } };
  for (const type of route.produces ?? []) content[type] = { schema: { type: 'string' } };
  const problems: Record<string, object> = {
    '400': problemResponse('Malformed parameters or JSON'),
    '500': problemResponse('Internal error (no details are disclosed)'),
  };
  if (route.auth !== 'public') {
    problems['401'] = problemResponse('No or invalid token');
    problems['403'] = problemResponse('The role or organisation may not do this');
  }
  if (route.params) problems['404'] = problemResponse('Not found, or not visible to the caller');
  if (route.body) {
    problems['413'] = problemResponse('Body too large');
    problems['415'] = problemResponse('Body is not JSON');
    problems['422'] = problemResponse('Body or answers invalid; `errors` lists each as {pointer, message}');
  }
  if (route.ifMatch || route.ifNoneMatch) {
    problems['409'] = problemResponse('The round or report is not in a state that allows this');
    problems['412'] = problemResponse('Someone else saved first (`savedBy`, `savedAt`)');
    if (route.ifMatch === 'required') problems['428'] = problemResponse('If-Match missing');
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.area],
    ...(route.auth === 'public' ? { security: [] } : {}),
    ...(route.auth !== 'public'
      ? { description: `Allowed: ${route.auth.join(', ')}${route.scopes ? ` (scopes: ${route.scopes.join(', ')})` : ''}` }
      : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { [route.bodyType === 'csv' ? 'text/csv' : 'application/json']: { schema: schemaOf(route.body, 'input') } } } }
      : {}),
    responses: { [status]: { description: 'OK', content }, ...problems },
  };
}

export function openApiDocument(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of deployedRoutes()) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  const components = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Statusportalen API',
      version: '1',
      description:
        'Yearly status reports from Danish regions and municipalities to Sundhedsstyrelsen. Errors are RFC 9457 problem documents; ' +
        `their types are ${Object.keys(PROBLEMS).length} stable URIs under https://statusportalen.sst.dk/problems/.`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
