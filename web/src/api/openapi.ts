// Types read off the generated description of the API (schema.d.ts, made by openapi-typescript
// from src/api/openapi.json: `npm run gen:api-types`; `npm run check:api-types` fails when it
// is stale). Screens never import these: they use the named shapes of types.ts.
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

export type ApiPath = keyof paths;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The operation `method` of `path`, as the description states it. */
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of the operation's success answer (200, else 201). */
export type Answer<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? JsonOf<R[Extract<keyof R, 200 | 201>]>
    : never;

/** The JSON request body of the operation. */
export type RequestBody<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters of the operation. */
export type Query<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
