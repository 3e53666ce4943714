import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptPrototypes, createAppServer } from './app-server.ts';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** An Express app on `httpServer`, answering with what it saw of its request and response. */
async function listen(httpServer: Server, adopt: boolean): Promise<string> {
  const app = express();
  if (adopt) adoptPrototypes(httpServer, app);
  const born: { request: boolean; response: boolean }[] = [];
  // Runs before Express's own handling: tells whether the objects were born with its prototypes.
  httpServer.on('request', (req, res) => {
    born.push({
      request: Object.getPrototypeOf(req) === app.request,
      response: Object.getPrototypeOf(res) === app.response,
    });
  });
  app.use(express.json());
  app.post('/echo', (req, res) => {
    res.status(201).json({ body: req.body, host: req.get('host') !== undefined, born: born.at(-1) });
  });
  httpServer.on('request', app);
  server = httpServer;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
}

async function echo(base: string) {
  const res = await fetch(`${base}/echo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ concernId: 'housing' }),
  });
  return { status: res.status, body: await res.json() };
}

describe('createAppServer', () => {
  it('Given an adopted app, When requests come in, Then they are born with its prototypes and Express works on them', async () => {
    const base = await listen(createAppServer(), true);
    for (let i = 0; i < 3; i++) {
      const { status, body } = await echo(base);
      expect(status).toBe(201);
      expect(body).toEqual({ body: { concernId: 'housing' }, host: true, born: { request: true, response: true } });
    }
  });

  it('Given no app adopted, When a request comes in, Then Express still sets its prototypes itself', async () => {
    const base = await listen(createAppServer(), false);
    const { status, body } = await echo(base);
    expect(status).toBe(201);
    expect(body).toEqual({ body: { concernId: 'housing' }, host: true, born: { request: false, response: false } });
  });
});
