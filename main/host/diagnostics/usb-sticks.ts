/**
 * Mounted USB sticks a diagnostic bundle is also copied to (issue 15 §3 "and to a USB stick where one is
 * mounted"): the folders two levels under the mount roots desktop Linux mounts removable media at
 * (`/media/<user>/<label>` by udisks2 on Debian and Ubuntu, `/run/media/<user>/<label>` on Fedora and others),
 * kept only where they are a mount point of their own (not an empty folder left behind) and writable.
 */
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const DEFAULT_MOUNT_ROOTS: readonly string[] = ['/media', '/run/media'];

/** A folder is a mount point when its device differs from its parent's (what `mountpoint(1)` checks first). */
export async function isMountPoint(dir: string): Promise<boolean> {
  const [self, parent] = await Promise.all([stat(dir), stat(dirname(dir))]);
  return self.dev !== parent.dev || self.ino === parent.ino;
}

async function subdirs(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => join(dir, e.name)).sort();
  } catch {
    return [];
  }
}

export interface UsbStickSearch {
  roots?: readonly string[];
  /** Default isMountPoint; tests (which cannot mount) say which folders count. */
  isMount?: (dir: string) => Promise<boolean>;
}

/** Writable mounted sticks at `<root>/*\/*`, sorted. */
export async function findUsbSticks(options: UsbStickSearch = {}): Promise<string[]> {
  const isMount = options.isMount ?? isMountPoint;
  const found: string[] = [];
  for (const root of options.roots ?? DEFAULT_MOUNT_ROOTS) {
    for (const user of await subdirs(root)) {
      for (const stick of await subdirs(user)) {
        const ok = await isMount(stick).catch(() => false) && (await access(stick, constants.W_OK).then(() => true, () => false));
        if (ok) found.push(stick);
      }
    }
  }
  return found;
}
