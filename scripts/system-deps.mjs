// The Debian packages the kiosk and its tests use (README "Fresh Debian machine"). Installed when running as
// root; otherwise the exact install line is printed and the caller stops.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SYSTEM_PACKAGES = [
  { pkg: 'chromium', check: () => existsSync('/usr/bin/chromium'), why: 'browser shell and Playwright e2e' },
  { pkg: 'socat', check: () => existsSync('/usr/bin/socat'), why: 'serial pty pair for the real-serial test' },
  { pkg: 'fonts-noto-cjk', check: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'), why: 'Chinese glyphs on screen and in screenshots' },
  { pkg: 'espeak-ng', check: () => existsSync('/usr/bin/espeak-ng'), why: 'spoken prompts where the shell has no Chinese voice (issue 16 §8)' },
  { pkg: 'cups-ipp-utils', check: () => existsSync('/usr/sbin/ippeveprinter') || existsSync('/usr/bin/ippeveprinter'), why: 'an IPP printer we did not write, for the certificate printer tests (issue 17 §1)' },
  { pkg: 'dbus-daemon', check: () => existsSync('/usr/bin/dbus-daemon'), why: 'a private bus for ippeveprinter, whose Avahi client needs one (issue 17 §1 interoperability test)' },
  { pkg: 'poppler-utils', check: () => existsSync('/usr/bin/pdftotext'), why: 'the certificate preview (pdftoppm) and reading PDFs back in tests (issue 17 §2)' },
  { pkg: 'tesseract-ocr', check: () => existsSync('/usr/bin/tesseract'), why: 'the native OCR the benchmark compares tesseract.js with (issue 17 §4)' },
  { pkg: 'tesseract-ocr-chi-sim', check: () => existsSync('/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata'), why: 'Chinese OCR traineddata, loaded offline (issue 17 §4)' },
  { pkg: 'tesseract-ocr-eng', check: () => existsSync('/usr/share/tesseract-ocr/5/tessdata/eng.traineddata'), why: 'English and digit OCR traineddata, loaded offline (issue 17 §4)' },
  { pkg: 'libusb-1.0-0', check: () => ['/usr/lib/x86_64-linux-gnu/libusb-1.0.so.0', '/usr/lib/aarch64-linux-gnu/libusb-1.0.so.0'].some(existsSync), why: 'USB/HID device access' },
];

/** Returns true when everything is present (after installing it if we are root). */
export function ensureSystemPackages(wanted = SYSTEM_PACKAGES.map((p) => p.pkg), out = process.stderr) {
  const missing = SYSTEM_PACKAGES.filter((p) => wanted.includes(p.pkg) && !p.check());
  if (missing.length === 0) return true;
  const names = missing.map((p) => p.pkg).join(' ');
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    out.write(`Missing system packages (${names}); install the equivalents for your system.\n`);
    return false;
  }
  if (process.getuid?.() !== 0) {
    out.write(`Missing system packages: ${missing.map((p) => `${p.pkg} (${p.why})`).join(', ')}.\nInstall them with:\n  sudo apt-get update && sudo apt-get install -y ${names}\n`);
    return false;
  }
  out.write(`Installing system packages: ${names}\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((p) => p.pkg)], { stdio: 'inherit', env });
  return install.status === 0 && missing.every((p) => p.check());
}
