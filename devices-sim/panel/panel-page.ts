/**
 * The control panel page (ARCHITECTURE.md §4: "a control panel page"; issue 15 item 4) at `GET /sim`, the
 * URL the ready line prints: plain HTML with its style and script inline (nothing loaded from elsewhere), a
 * Content-Security-Policy that allows exactly those two by hash and calls to its own origin, for testers and
 * trainers on the kiosk's loopback (the control server runs in training mode only, §8.5). Every control is a
 * real <button> whose visible text is its name, Chinese first, at least 60 px high (the kiosk's touch target).
 */
import { createHash } from 'node:crypto';
import { PANEL_SCRIPT } from './panel-script';

const STYLE = `
:root { color-scheme: light; font-family: 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif; font-size: 18px; color: #1a1a1a; background: #eef0f3; }
body { margin: 0; }
header, main { max-width: 1600px; margin: 0 auto; padding: 12px 24px; }
header { background: #1f3a5f; color: #fff; max-width: none; }
header p { margin: 4px 0 8px; }
h1 { font-size: 28px; margin: 8px 0; }
h2 { font-size: 22px; margin: 0 0 8px; }
h3 { font-size: 18px; margin: 0 0 6px; }
code { font-size: 16px; background: #e3e6ea; padding: 2px 6px; border-radius: 4px; color: #1a1a1a; }
section.box, section.device { background: #fff; border-radius: 8px; padding: 16px; margin: 0 0 16px; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
#devices { display: grid; grid-template-columns: repeat(auto-fill, minmax(700px, 1fr)); gap: 16px; align-items: start; }
#devices section.device { margin: 0; }
.model { color: #444; margin: 0 0 4px; }
.status { margin: 0 0 12px; font-size: 20px; }
section.device[data-state="online"] .status-text { color: #0a6b2d; }
section.device:not([data-state="online"]) .status-text { color: #a50e0e; }
.group { border-top: 1px solid #d5d9de; padding: 8px 0; }
.controls, .panel-form { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
button { min-height: 60px; min-width: 60px; padding: 8px 16px; font: inherit; border-radius: 6px; border: 2px solid #0b4f8a; background: #0b4f8a; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #0b4f8a; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #e8a200; outline-offset: 2px; }
input, select { min-height: 60px; box-sizing: border-box; font: inherit; padding: 4px 8px; border: 2px solid #5a6470; border-radius: 6px; background: #fff; color: #1a1a1a; }
input[type="text"] { min-width: 260px; }
.message { min-height: 1.5em; margin: 8px 0 0; font-weight: bold; }
.error { color: #a50e0e; }
header .error { color: #ffd7d7; }
.tickets { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure.ticket { margin: 0; }
figure.ticket figcaption { margin: 0 0 4px; color: #333; }
.paper-slot { background: #d5d9de; padding: 8px; border-radius: 4px; }
svg.paper { display: block; max-width: 100%; height: auto; box-shadow: 0 1px 4px rgba(0,0,0,.35); }
svg.paper text { white-space: pre; }
`;

const advance = (ms: number, zh: string, en: string): string =>
  `<button type="button" data-advance="${ms}"><span lang="zh-CN">${zh}</span> <span lang="en">${en}</span></button>`;

const BODY = `<header>
<h1><span lang="zh-CN">模拟设备控制台</span> <span lang="en">Simulator control panel</span></h1>
<p><span lang="zh-CN">仅限演示模式，仅限本机</span> <span lang="en">Training mode only, this machine only</span> · <span id="link" role="status">连接中 connecting</span></p>
</header>
<main>
<section class="box" aria-labelledby="clock-h">
<h2 id="clock-h"><span lang="zh-CN">主机时钟</span> <span lang="en">Host clock</span></h2>
<p><span lang="zh-CN">当前时间（北京时间）</span> <span lang="en">Host time (UTC+08:00)</span>：<time id="clock-now">—</time></p>
<form id="clock-form" class="panel-form">
<label for="clock-set"><span lang="zh-CN">设定为（北京时间）</span> <span lang="en">Set to (UTC+08:00)</span></label>
<input id="clock-set" type="datetime-local" step="1" required>
<button type="submit"><span lang="zh-CN">设定时间</span> <span lang="en">Set time</span></button>
</form>
<div class="controls" role="group" aria-label="时钟前进 Advance the clock">
${advance(60_000, '前进 1 分钟', '+1 min')}
${advance(3_600_000, '前进 1 小时', '+1 h')}
${advance(86_400_000, '前进 1 天', '+1 day')}
</div>
</section>
<section class="box" aria-labelledby="all-h">
<h2 id="all-h"><span lang="zh-CN">全部设备</span> <span lang="en">All devices</span></h2>
<div class="controls">
<button type="button" id="clear-all" class="secondary"><span lang="zh-CN">清除全部故障</span> <span lang="en">Clear all faults</span></button>
<button type="button" id="reset-all" class="secondary"><span lang="zh-CN">全部复位</span> <span lang="en">Reset all</span></button>
</div>
<p id="message" class="message" role="status" aria-live="polite"></p>
</section>
<div id="devices"></div>
</main>`;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page, and the policy that lets exactly its own style and script run. */
export const PANEL_HTML = `<!doctype html>
<html lang="zh-CN" translate="no">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>模拟设备控制台 Simulator control panel</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
${BODY}
<script>${PANEL_SCRIPT}</script>
</body>
</html>
`;

export const PANEL_CSP = [
  "default-src 'none'",
  `script-src ${hash(PANEL_SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
