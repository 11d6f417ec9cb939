// The API's own documentation: the OpenAPI document and a page listing operations and who may call each.
import { docsPage, type OpenApiLike } from '../docsPage.ts';
import { defineRoute, type WebRoute } from '../routeSpec.ts';
export const documentationRoutes: WebRoute[] = [
  defineRoute({
    rule: 'anyone',
    method: 'get',
    path: '/api/openapi.json',
    summary: 'this OpenAPI document',
    tags: ['documentation'],
    success: { status: 200, description: 'OpenAPI 3.1' },
    handle: async ({ c, services }) => c.json(services.document()),
  }),
  defineRoute({
    rule: 'anyone',
    method: 'get',
    path: '/api/docs',
    summary: 'the operations of the API and who may call each, as a page',
    tags: ['documentation'],
    success: { status: 200, description: 'HTML', contentType: 'text/html' },
    handle: async ({ c, services }) => c.html(docsPage(services.document() as OpenApiLike)),
  }),
];
