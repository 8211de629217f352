// PEP 503 "simple" repository pages for the Python artifacts, so that
//   pip install --index-url https://<server>/downloads/python/ cloudnexus
// installs from this server. Links carry `#sha256=`, which pip checks.
import type { Artifact } from './artifacts.js';

/** The project name as PEP 503 normalises it. */
export function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The project a wheel or sdist belongs to: the file name up to its version. */
export function projectOf(file: string): string {
  return normalizeProjectName(file.split('-')[0] ?? '');
}

function page(title: string, links: string[]): string {
  return `<!DOCTYPE html>\n<html>\n<head><meta name="pypi:repository-version" content="1.0"><title>${title}</title></head>\n<body>\n${links.join('\n')}\n</body>\n</html>\n`;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function rootPage(files: Artifact[]): string {
  const projects = [...new Set(files.map((artifact) => projectOf(artifact.file)))].sort();
  return page('Simple index', projects.map((project) => `<a href="${escape(project)}/">${escape(project)}</a>`));
}

export function projectPage(project: string, files: Artifact[]): string {
  const links = files.map(
    (artifact) => `<a href="../${escape(artifact.file)}#sha256=${artifact.sha256}">${escape(artifact.file)}</a>`,
  );
  return page(`Links for ${escape(project)}`, links);
}
