#!/usr/bin/env node
// A stand-in for Chromium in browser-launcher.test.ts: reports its pid and command line as one JSON line to
// the TCP port in $FAKE_BROWSER_REPORT, then runs until SIGTERM — or, with FAKE_BROWSER_IGNORE_TERM=1,
// until SIGKILL.
import net from 'node:net';

if (process.env.FAKE_BROWSER_IGNORE_TERM === '1') process.on('SIGTERM', () => undefined);
const report = net.connect(Number(process.env.FAKE_BROWSER_REPORT), '127.0.0.1', () => {
  report.end(JSON.stringify({ pid: process.pid, args: process.argv.slice(2) }) + '\n');
});
setInterval(() => undefined, 60_000);
