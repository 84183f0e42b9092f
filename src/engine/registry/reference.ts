/**
 * Image reference normalization, as docker/containerd do it.
 * Mirrors github.com/distribution/reference (normalize.go: ParseNormalizedNamed, TagNameOnly).
 */

/** A parsed, normalized image reference. */
export interface ImageRef {
  /** `docker.io`, `registry.k8s.io`, `localhost:5000` … */
  domain: string;
  /** Repository path inside the domain: `library/nginx`, `hashicorp/http-echo`. */
  path: string;
  /** Tag (defaulted to `latest` when neither tag nor digest is given). */
  tag?: string;
  /** `sha256:…` when the reference pins a digest. */
  digest?: string;
  /** `docker.io/library/nginx` */
  repository: string;
  /** Full normalized reference: `docker.io/library/nginx:latest`, or `repo@sha256:…`. */
  name: string;
}

const DEFAULT_DOMAIN = 'docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
// distribution/reference grammar, simplified to the parts users actually type.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/**
 * Parses and normalizes `image` like `ParseNormalizedNamed` + `TagNameOnly`:
 * `nginx` → `docker.io/library/nginx:latest`. Returns an error string (containerd wording) for
 * references that do not parse.
 */
export function parseImageRef(image: string): ImageRef | { error: string } {
  if (image === '' || image !== image.trim()) return { error: 'invalid reference format' };
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { error: 'invalid reference format' };
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { error: 'invalid reference format' };
  }
  let domain = DEFAULT_DOMAIN;
  let path = rest;
  const firstSlash = rest.indexOf('/');
  if (firstSlash >= 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      domain = first;
      path = rest.slice(firstSlash + 1);
    }
  }
  if (path !== path.toLowerCase()) return { error: 'invalid reference format: repository name must be lowercase' };
  if (path === '' || !path.split('/').every((c) => PATH_COMPONENT.test(c))) return { error: 'invalid reference format' };
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = OFFICIAL_REPO_PREFIX + path;
  if (tag === undefined && digest === undefined) tag = 'latest';
  const repository = `${domain}/${path}`;
  const name = digest !== undefined && tag === undefined ? `${repository}@${digest}` : `${repository}:${tag}${digest ? '@' + digest : ''}`;
  return { domain, path, tag, digest, repository, name };
}

/** Normalized name, or undefined when the reference does not parse. */
export function normalizeImage(image: string): string | undefined {
  const r = parseImageRef(image);
  return 'error' in r ? undefined : r.name;
}
