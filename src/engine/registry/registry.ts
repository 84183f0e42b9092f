/**
 * The simulated image registry (Docker Hub, registry.k8s.io … folded into one). The kubelet's
 * runtime asks it for images; `sim image push` adds new ones.
 */
import { CATALOG, syntheticDigest } from './catalog.ts';
import { parseImageRef } from './reference.ts';

export interface ImageInfo {
  /** Normalized reference, `docker.io/library/nginx:latest`. */
  name: string;
  /** `sha256:<64 hex>` manifest digest (synthetic). */
  digest: string;
  /** Compressed size in bytes. */
  sizeBytes: number;
}

export interface Registry {
  /** The image `image` refers to (any accepted spelling), or undefined. */
  lookup(image: string): ImageInfo | undefined;
  /** Adds or replaces an image (a new digest each push of the same tag). */
  push(image: string, sizeBytes: number): void;
  /** Whether the repository (ignoring tag) exists, to tell "not found" from "access denied". */
  repositoryExists(image: string): boolean;
  /**
   * The error containerd's CRI would return for pulling `image`, or undefined if the pull
   * succeeds. The kubelet prints it after `Failed to pull image "<image>": `.
   */
  pullError(image: string): string | undefined;
  /** Every image, sorted by name. */
  list(): ImageInfo[];
}

/** A registry preloaded with the common public images of `catalog.ts`. */
export function createRegistry(): Registry {
  const images = new Map<string, ImageInfo>();
  const repositories = new Set<string>();
  const pushes = new Map<string, number>();

  const push = (image: string, sizeBytes: number): void => {
    const ref = parseImageRef(image);
    if ('error' in ref) throw new Error(`invalid image reference "${image}": ${ref.error}`);
    const n = (pushes.get(ref.name) ?? 0) + 1;
    pushes.set(ref.name, n);
    const digest = syntheticDigest(n === 1 ? ref.name : `${ref.name}#${n}`);
    const info: ImageInfo = { name: ref.name, digest, sizeBytes: Math.round(sizeBytes) };
    images.set(ref.name, info);
    // A pinned digest also resolves (`nginx@sha256:…`).
    images.set(`${ref.repository}@${digest}`, info);
    repositories.add(ref.repository);
  };
  for (const [image, size] of CATALOG) push(image, size);

  const lookup = (image: string): ImageInfo | undefined => {
    const ref = parseImageRef(image);
    if ('error' in ref) return undefined;
    if (ref.digest !== undefined) return images.get(`${ref.repository}@${ref.digest}`);
    return images.get(ref.name);
  };

  return {
    lookup,
    push,
    repositoryExists(image) {
      const ref = parseImageRef(image);
      return !('error' in ref) && repositories.has(ref.repository);
    },
    pullError(image) {
      const ref = parseImageRef(image);
      if ('error' in ref) return `rpc error: code = Unknown desc = ${ref.error}`;
      if (lookup(image)) return undefined;
      const n = ref.name;
      if (repositories.has(ref.repository)) {
        return (
          `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": ` +
          `failed to resolve reference "${n}": ${n}: not found`
        );
      }
      return (
        `rpc error: code = Unknown desc = failed to pull and unpack image "${n}": ` +
        `failed to resolve reference "${n}": pull access denied, repository does not exist or may require authorization: ` +
        `server message: insufficient_scope: authorization failed`
      );
    },
    list() {
      const seen = new Set<ImageInfo>();
      for (const v of images.values()) seen.add(v);
      return [...seen].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
  };
}
