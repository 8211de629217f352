// Operating system images, addressed by slug.
export interface Image {
  id: string;
  name: string;
  distribution: string;
  version: string;
  architecture: 'x86_64';
}

const image = (id: string, name: string, distribution: string, version: string): Image => ({ id, name, distribution, version, architecture: 'x86_64' });

export const IMAGES: readonly Image[] = [
  image('ubuntu-24-04', 'Ubuntu 24.04 LTS', 'ubuntu', '24.04'),
  image('ubuntu-22-04', 'Ubuntu 22.04 LTS', 'ubuntu', '22.04'),
  image('debian-13', 'Debian 13 (trixie)', 'debian', '13'),
  image('debian-12', 'Debian 12 (bookworm)', 'debian', '12'),
  image('fedora-42', 'Fedora 42', 'fedora', '42'),
  image('rocky-9', 'Rocky Linux 9', 'rocky', '9'),
  image('alma-9', 'AlmaLinux 9', 'almalinux', '9'),
  image('centos-stream-10', 'CentOS Stream 10', 'centos', 'stream-10'),
  image('alpine-3-22', 'Alpine Linux 3.22', 'alpine', '3.22'),
  image('opensuse-leap-15-6', 'openSUSE Leap 15.6', 'opensuse', '15.6'),
];
