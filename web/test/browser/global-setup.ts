// One build and one server (on its own database) for the whole browser run.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { SKIP_MESSAGE, hasChromium } from './env';
import { startApp } from './server';

export default async function setup(project: TestProject) {
  if (!hasChromium) {
    console.log(`\n${SKIP_MESSAGE}\n`);
    project.provide('baseUrl', '');
    project.provide('serverLog', '');
    return;
  }
  // the server logs JSON lines to a file the tests read (client error reports end up there)
  const serverLog = path.join(mkdtempSync(path.join(os.tmpdir(), 'lse-web-')), 'server.log');
  const app = await startApp(serverLog);
  project.provide('baseUrl', app.url);
  project.provide('serverLog', serverLog);
  return () => app.stop();
}
