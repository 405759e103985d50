import type { PlazaApp } from '@plaza/kernel';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The API answered with an error; carries what was asked and what came back. */
export class SeedApiError extends Error {
  override name = 'SeedApiError';
  constructor(
    readonly method: Method,
    readonly url: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${url} answered ${status}: ${body.slice(0, 500)}`);
  }

  /** The server has no such route (yet): the module behind it is not built. */
  get routeMissing(): boolean {
    return this.status === 404 && this.body.includes('route_not_found');
  }
}

/**
 * Calls the public HTTP API in-process through `app.inject`, as a signed-in user would, so
 * every product rule (validation, ownership, counters, notifications) applies to demo data.
 */
export class SeedApi {
  constructor(private readonly app: PlazaApp) {}

  async json<T>(method: Method, url: string, token: string, payload?: unknown): Promise<T> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
    if (response.statusCode >= 300) throw new SeedApiError(method, url, response.statusCode, response.body);
    return (response.body ? response.json() : undefined) as T;
  }
}
