/**
 * The images the simulated registry serves out of the box. Sizes are the compressed linux/amd64
 * sizes (what containerd reports as the image size and what the kubelet prints in `Pulled`),
 * rounded from Docker Hub / registry.k8s.io listings of late 2025. Digests are synthetic but
 * stable (see `syntheticDigest`): the registry is simulated, no bytes are fetched.
 */

const MB = 1_000_000;

/** [reference as users write it, compressed size in bytes]. */
export const CATALOG: readonly (readonly [string, number])[] = [
  ['nginx:latest', 72.2 * MB],
  ['nginx:1.29', 72.2 * MB],
  ['nginx:1.28', 71.0 * MB],
  ['nginx:stable', 71.0 * MB],
  ['nginx:1.27', 69.9 * MB],
  ['nginx:1.26', 70.1 * MB],
  ['nginx:1.25', 70.5 * MB],
  ['nginx:alpine', 21.5 * MB],
  ['nginx:1.27-alpine', 20.9 * MB],
  ['busybox:latest', 2.16 * MB],
  ['busybox:1.36', 2.15 * MB],
  ['busybox:1.37', 2.16 * MB],
  ['alpine:latest', 3.64 * MB],
  ['alpine:3.20', 3.63 * MB],
  ['alpine:3.21', 3.64 * MB],
  ['ubuntu:latest', 29.7 * MB],
  ['ubuntu:24.04', 29.7 * MB],
  ['debian:latest', 48.5 * MB],
  ['debian:bookworm-slim', 28.2 * MB],
  ['redis:latest', 45.3 * MB],
  ['redis:7', 40.1 * MB],
  ['redis:7-alpine', 16.9 * MB],
  ['postgres:latest', 153.2 * MB],
  ['postgres:16', 151.4 * MB],
  ['postgres:17', 153.2 * MB],
  ['mysql:latest', 248.9 * MB],
  ['mysql:8.4', 174.6 * MB],
  ['httpd:latest', 58.6 * MB],
  ['httpd:2.4', 58.6 * MB],
  ['httpd:alpine', 22.3 * MB],
  ['node:latest', 409.8 * MB],
  ['node:22', 392.4 * MB],
  ['node:22-alpine', 50.8 * MB],
  ['node:20', 388.1 * MB],
  ['python:latest', 388.6 * MB],
  ['python:3.12', 380.3 * MB],
  ['python:3.12-slim', 45.9 * MB],
  ['golang:latest', 301.7 * MB],
  ['golang:1.23', 293.5 * MB],
  ['curlimages/curl:latest', 10.3 * MB],
  ['hashicorp/http-echo:latest', 3.67 * MB],
  ['hashicorp/http-echo:1.0', 3.67 * MB],
  ['traefik/whoami:latest', 3.56 * MB],
  ['traefik/whoami:v1.10', 3.56 * MB],
  ['registry.k8s.io/pause:3.10', 0.32 * MB],
  ['registry.k8s.io/e2e-test-images/agnhost:2.53', 53.4 * MB],
  ['registry.k8s.io/echoserver:1.10', 46.4 * MB],
  ['registry.k8s.io/ingress-nginx/controller:v1.12.0', 105.6 * MB],
];

/**
 * A stable fake `sha256:<64 hex>` for `name`: eight 32-bit FNV-1a lanes. Not a real hash of
 * image content (there is none), only a unique-looking, reproducible id.
 */
export function syntheticDigest(name: string): string {
  let out = '';
  for (let lane = 0; lane < 8; lane++) {
    let h = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < name.length; i++) {
      h ^= name.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h = (h ^ (h >>> 15)) >>> 0;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12)) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return 'sha256:' + out;
}
