// Volumes as sparse image files formatted per `filesystem`, mounted inside an instance at
// /mnt/<volume name> through a loop device. The mount lives in the instance's own mount namespace,
// with the loop device set to autoclear: when the instance stops, both go with it.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DriverError } from '../compute-driver.js';
import type { StorageDriver, VolumeSpec } from '../storage-driver.js';
import { execInEnvironment, execInMountNamespace, findInit } from './environments.js';
import { run } from './host-command.js';
import { readJson, writeJson } from './host-layout.js';
import type { LinuxHost } from './linux-host.js';
import { cgroupName } from './names.js';

interface VolumeState {
  name: string;
  filesystem: VolumeSpec['filesystem'];
  sizeGb: number;
  attachedTo: string | null;
}

const GIB = 1024 ** 3;

const MKFS: Record<Exclude<VolumeSpec['filesystem'], 'none'>, (file: string) => [string, string[]]> = {
  ext4: (file) => ['mkfs.ext4', ['-q', '-F', '-E', 'lazy_itable_init=1,lazy_journal_init=1', file]],
  xfs: (file) => ['mkfs.xfs', ['-q', '-f', file]],
};

export class LinuxStorageDriver implements StorageDriver {
  constructor(private readonly host: LinuxHost) {
    host.onBoot((instanceId) => this.mountAllOf(instanceId));
  }

  async createVolume(spec: VolumeSpec): Promise<void> {
    const { layout } = this.host;
    const image = layout.volumeImage(spec.volumeId);
    if (!existsSync(image)) {
      // Made aside and renamed in: a repeated create after a crash starts over.
      const scratch = `${image}.new`;
      await fs.rm(scratch, { force: true });
      if (spec.snapshotId) {
        const snapshot = layout.snapshotImage(spec.snapshotId);
        if (!existsSync(snapshot)) throw new DriverError(`snapshot ${spec.snapshotId} does not exist`, false);
        await run('cp', ['--sparse=always', snapshot, scratch], { timeoutMs: 600_000 });
        await growImage(scratch, spec.filesystem, spec.sizeGb);
      } else {
        await fs.writeFile(scratch, '');
        await fs.truncate(scratch, spec.sizeGb * GIB);
        if (spec.filesystem !== 'none') await run(...MKFS[spec.filesystem](scratch), { timeoutMs: 300_000 });
      }
      await fs.rename(scratch, image);
    }
    if (!existsSync(layout.volumeFile(spec.volumeId))) {
      await writeJson(layout.volumeFile(spec.volumeId), { name: spec.name, filesystem: spec.filesystem, sizeGb: spec.sizeGb, attachedTo: null } satisfies VolumeState);
    }
  }

  async attach(volumeId: string, instanceId: string): Promise<void> {
    const state = await this.volume(volumeId);
    if (state.attachedTo !== null && state.attachedTo !== instanceId) throw new DriverError(`volume ${volumeId} is attached elsewhere`, false);
    await writeJson(this.host.layout.volumeFile(volumeId), { ...state, attachedTo: instanceId });
    // A stopped instance mounts it when it boots.
    const init = await findInit(this.host.cgroups, cgroupName(instanceId));
    if (init !== null) await this.mount(volumeId, instanceId, init);
  }

  async detach(volumeId: string, instanceId: string): Promise<void> {
    const state = await this.volume(volumeId);
    const init = await findInit(this.host.cgroups, cgroupName(instanceId));
    if (init !== null && (await this.mounted(init, state.name))) {
      await execInMountNamespace(init, 'umount', [this.mountPoint(instanceId, state.name)]);
    }
    await writeJson(this.host.layout.volumeFile(volumeId), { ...state, attachedTo: null });
  }

  async resizeVolume(volumeId: string, sizeGb: number): Promise<void> {
    const state = await this.volume(volumeId);
    if (state.sizeGb >= sizeGb) return;
    const image = this.host.layout.volumeImage(volumeId);
    const init = state.attachedTo ? await findInit(this.host.cgroups, cgroupName(state.attachedTo)) : null;
    if (init !== null && state.attachedTo && (await this.mounted(init, state.name))) {
      // Online: grow the file, tell the loop device, then the mounted filesystem.
      await fs.truncate(image, sizeGb * GIB);
      const device = (await run('losetup', ['-j', image])).split(':')[0] as string;
      await run('losetup', ['-c', device]);
      const mountPoint = this.mountPoint(state.attachedTo, state.name);
      if (state.filesystem === 'ext4') await execInMountNamespace(init, 'resize2fs', [device]);
      if (state.filesystem === 'xfs') await execInMountNamespace(init, 'xfs_growfs', [mountPoint]);
    } else {
      await growImage(image, state.filesystem, sizeGb);
    }
    await writeJson(this.host.layout.volumeFile(volumeId), { ...state, sizeGb });
  }

  async deleteVolume(volumeId: string): Promise<void> {
    await fs.rm(this.host.layout.volumeImage(volumeId), { force: true });
    await fs.rm(this.host.layout.volumeFile(volumeId), { force: true });
  }

  /** A consistent copy: a mounted filesystem is frozen (writes held, journal flushed) while copying. */
  async createSnapshot(snapshotId: string, volumeId: string): Promise<void> {
    const target = this.host.layout.snapshotImage(snapshotId);
    if (existsSync(target)) return;
    const state = await this.volume(volumeId);
    const init = state.attachedTo ? await findInit(this.host.cgroups, cgroupName(state.attachedTo)) : null;
    const frozen = init !== null && state.attachedTo !== null && state.filesystem !== 'none' && (await this.mounted(init, state.name));
    const mountPoint = state.attachedTo ? this.mountPoint(state.attachedTo, state.name) : '';
    const scratch = `${target}.new`;
    if (frozen) await execInMountNamespace(init as number, 'fsfreeze', ['-f', mountPoint]);
    try {
      await run('cp', ['--sparse=always', this.host.layout.volumeImage(volumeId), scratch], { timeoutMs: 600_000 });
    } finally {
      if (frozen) await execInMountNamespace(init as number, 'fsfreeze', ['-u', mountPoint]);
    }
    await fs.rename(scratch, target);
  }

  async deleteSnapshot(snapshotId: string): Promise<void> {
    await fs.rm(this.host.layout.snapshotImage(snapshotId), { force: true });
  }

  /** Mounts every volume attached to the instance (after it boots). */
  private async mountAllOf(instanceId: string): Promise<void> {
    const init = await findInit(this.host.cgroups, cgroupName(instanceId));
    if (init === null) return;
    for (const file of await fs.readdir(this.host.layout.volumes)) {
      if (!file.endsWith('.json')) continue;
      const volumeId = file.slice(0, -'.json'.length);
      const state = await this.volume(volumeId);
      if (state.attachedTo === instanceId) await this.mount(volumeId, instanceId, init);
    }
  }

  private async mount(volumeId: string, instanceId: string, init: number): Promise<void> {
    const state = await this.volume(volumeId);
    // A raw volume ('none') has no filesystem to mount.
    if (state.filesystem === 'none' || (await this.mounted(init, state.name))) return;
    // The directory is made by the instance's own mkdir, inside its root, so no link in the
    // instance's tree can point it elsewhere on the host.
    await execInEnvironment(this.host.cgroups, cgroupName(instanceId), 'mkdir', ['-p', `/mnt/${state.name}`]);
    await execInMountNamespace(init, 'mount', ['-o', 'loop', this.host.layout.volumeImage(volumeId), this.mountPoint(instanceId, state.name)]);
  }

  /** Whether /mnt/<name> is a mount point as the instance sees it. */
  private async mounted(init: number, name: string): Promise<boolean> {
    const mounts = await fs.readFile(`/proc/${init}/mounts`, 'utf8');
    return mounts.split('\n').some((line) => line.split(' ')[1] === `/mnt/${name}`);
  }

  private mountPoint(instanceId: string, name: string): string {
    return path.join(this.host.layout.rootfs(instanceId), 'mnt', name);
  }

  private async volume(volumeId: string): Promise<VolumeState> {
    const state = await readJson<VolumeState>(this.host.layout.volumeFile(volumeId));
    if (!state) throw new DriverError(`volume ${volumeId} does not exist`, false);
    return state;
  }
}

/** Grows an unmounted image file and its filesystem to `sizeGb`. */
async function growImage(file: string, filesystem: VolumeSpec['filesystem'], sizeGb: number): Promise<void> {
  const { size } = await fs.stat(file);
  if (size >= sizeGb * GIB) return;
  await fs.truncate(file, sizeGb * GIB);
  if (filesystem === 'ext4') {
    await run('e2fsck', ['-f', '-p', file]);
    await run('resize2fs', [file]);
  }
  // xfs only grows while mounted; it grows the next time it is resized online.
}
