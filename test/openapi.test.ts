import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { communityProduct } from '@plaza/community';
import { createTestServer, type TestServer, testDatabases } from '@plaza/kernel/testing';
import { rewardsProduct } from '@plaza/rewards';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The API contract: the document Plaza serves at `/api/docs/json` must be valid OpenAPI (checked
 * by a real validator, not by eye) and good enough to generate a typed client from. The client
 * is generated into a temporary folder and compiled, strict, together with a small program that
 * uses a few of its paths; the `@ts-expect-error` lines there prove the types are real (an
 * `any` or `unknown` type would leave them unused, which the compiler reports).
 */
const CLIENT_USE = `
import type { paths } from './api.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type NewNote = Json<paths['/api/v1/notes']['post']['requestBody']>;
export type Note = Json<paths['/api/v1/notes/{id}']['get']['responses'][200]>;
export type Catalog = Json<paths['/api/rewards/v1/admin/catalog']['get']['responses'][200]>;
export type NewVersion = Json<paths['/api/rewards/v1/admin/plans/{planId}/versions']['post']['requestBody']>;
export type Problem = Json<paths['/api/v1/notes']['post']['responses'][400]>;

export const note: NewNote = { title: '夜市', mediaIds: ['0190a0b0-0000-7000-8000-000000000000'] };
// @ts-expect-error a title is a string
export const wrongTitle: NewNote = { title: 1, mediaIds: [] };
// @ts-expect-error unknown fields are refused by the server, so the type has none
export const extraField: NewNote = { title: 'x', mediaIds: [], colour: 'red' };

export function titleOf(n: Note): string {
  return n.title;
}
export function firstRange(c: Catalog): number | number[] | undefined {
  return c.plans[0]?.versions[0]?.channels[0]?.rules[0]?.mcc?.[0];
}
export const range: NewVersion['channels'][number]['rules'][number] = { mcc: [5812, [5811, 5814]] };
export function codeOf(p: Problem): string {
  return p.code;
}
`;

describe('the OpenAPI document', () => {
  const target = testDatabases()[0]!;
  let server: TestServer;
  let document: OpenAPI3;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-openapi-'));
  beforeAll(async () => {
    server = await createTestServer(target, [communityProduct(), rewardsProduct()]);
    const response = await server.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    document = response.json() as OpenAPI3;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('is valid OpenAPI 3.0 and lists the routes of both products', async () => {
    expect(document.openapi).toMatch(/^3\.0\./);
    // The validator dereferences in place: give it a copy (JSON, as a client would fetch it).
    await SwaggerParser.validate(JSON.parse(JSON.stringify(document)));
    const paths = Object.keys(document.paths ?? {});
    expect(paths).toContain('/api/v1/notes');
    expect(paths).toContain('/api/rewards/v1/admin/plans/{planId}/versions');
  });

  it('generates a typed client that compiles strict', async () => {
    const client = astToString(await openapiTS(document));
    fs.writeFileSync(path.join(folder, 'api.ts'), client);
    fs.writeFileSync(path.join(folder, 'use.ts'), CLIENT_USE);
    const program = ts.createProgram([path.join(folder, 'use.ts')], {
      strict: true,
      noEmit: true,
      noUnusedLocals: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      types: [],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  }, 60_000);
});
