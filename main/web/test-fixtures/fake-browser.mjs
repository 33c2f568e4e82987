#!/usr/bin/env node
// A stand-in for Chromium in browser-launcher.test.ts: reports its pid and command line as one JSON line to
// the TCP port in $FAKE_BROWSER_REPORT, then runs until SIGTERM — or, with FAKE_BROWSER_IGNORE_TERM=1,
// until SIGKILL. With FAKE_BROWSER_HELPER=1 it first starts a helper process (as Chromium starts its zygote
// and crashpad handler) that ignores SIGTERM and would outlive it; the report then carries `helperPid`.
import { spawn } from 'node:child_process';
import net from 'node:net';

if (process.env.FAKE_BROWSER_IGNORE_TERM === '1') process.on('SIGTERM', () => undefined);
const helper =
  process.env.FAKE_BROWSER_HELPER === '1'
    ? spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 60000)"], { stdio: 'ignore' })
    : null;
const report = net.connect(Number(process.env.FAKE_BROWSER_REPORT), '127.0.0.1', () => {
  report.end(JSON.stringify({ pid: process.pid, helperPid: helper?.pid, args: process.argv.slice(2) }) + '\n');
});
setInterval(() => undefined, 60_000);
