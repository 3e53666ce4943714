/** HTTP client shared by the apps: JSON in and out, errors as `ApiError` with the server's code. */
import type { ApiErrorBody } from '../core/api.ts';
import { deviceHeaders } from './device.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...deviceHeaders(),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'OFFLINE');
  }
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const code = (data as ApiErrorBody | undefined)?.error?.code ?? 'INTERNAL';
    throw new ApiError(response.status, code);
  }
  return data as T;
}
