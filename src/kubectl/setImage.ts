/**
 * `kubectl set image deployment/web nginx=nginx:1.28 [*=IMAGE]`. Mirrors
 * k8s.io/kubectl/pkg/cmd/set/set_image.go: GetResourcesAndPairs, setImage over init and regular
 * containers (`*` matches all), a strategic-merge PATCH of what changed (none when nothing did),
 * `deployment.apps/web image updated`; `error: unable to find container named "x"`.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { pathFor, qualifiedKind } from './resources.ts';
import { fetchInfos, type FetchedInfo } from './select.ts';

/** polymorphichelpers.updatePodSpecForObject: where the pod spec lives, by kind. */
export function podSpecPath(kind: string): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return ['spec', 'template', 'spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

function specAt(obj: Record<string, unknown>, path: string[]): PodSpec | undefined {
  let cur: unknown = obj;
  for (const k of path) cur = (cur as Record<string, unknown> | undefined)?.[k];
  return cur as PodSpec | undefined;
}

/** cmdutil.GetResourcesAndPairs: words with `=` (not first) are pairs; all resources come first. */
function splitPairs(args: string[]): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) return `all resources must be specified before image changes: ${s}`;
    else resources.push(s);
  }
  return { resources, pairs };
}

function patchFor(info: FetchedInfo, path: string[], images: [string, string][], errs: string[]): Record<string, unknown> | undefined {
  const spec = specAt(info.obj, path);
  if (!spec) return undefined;
  const changed: Record<'containers' | 'initContainers', { name: string; image: string }[]> = { containers: [], initContainers: [] };
  for (const [name, image] of images) {
    let found = false;
    for (const field of ['initContainers', 'containers'] as const) {
      for (const c of spec[field] ?? []) {
        if (c.name !== name && name !== '*') continue;
        found = true;
        if (c.image !== image) changed[field].push({ image, name: c.name });
      }
    }
    if (!found) errs.push(`error: unable to find container named ${JSON.stringify(name)}`);
  }
  const specPatch: Record<string, unknown> = {};
  if (changed.containers.length) specPatch.containers = changed.containers;
  if (changed.initContainers.length) specPatch.initContainers = changed.initContainers;
  if (Object.keys(specPatch).length === 0) return undefined;
  let patch: Record<string, unknown> = specPatch;
  for (let i = path.length - 1; i >= 0; i--) patch = { [path[i]!]: patch };
  return patch;
}

/** `kubectl set image` (the only `set` subcommand here). */
export function setCmd(ctx: Ctx): void {
  const [sub, ...rest] = ctx.p.args;
  if (sub !== 'image') {
    ctx.errors.push({ message: sub === undefined ? 'You must specify the type of resource to set. Use "kubectl set image".' : `unknown command ${JSON.stringify(sub)} for "kubectl set" (this simulator supports "set image")` });
    return;
  }
  const split = splitPairs(rest);
  if (typeof split === 'string') {
    ctx.errors.push({ message: split });
    return;
  }
  const images: [string, string][] = [];
  for (const p of split.pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0 || eq === p.length - 1) {
      ctx.errors.push({ message: `invalid image format: ${JSON.stringify(p)}` });
      return;
    }
    images.push([p.slice(0, eq), p.slice(eq + 1)]);
  }
  const problems: string[] = [];
  if (ctx.p.bools.all && flag(ctx.p, 'selector')) problems.push('cannot set --all and --selector at the same time');
  if (split.resources.length < 1 && !(ctx.p.values.filename ?? []).length) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (images.length < 1) problems.push('at least one image update is required');
  else if (images.length > 1 && images.some(([n]) => n === '*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (problems.length) {
    for (const m of problems) ctx.errors.push({ message: m });
    return;
  }
  const infos = fetchInfos(ctx, split.resources);
  if (!infos) return;
  for (const info of infos) {
    const path = podSpecPath(info.res.kind);
    if (!path) {
      ctx.errors.push({ message: `error: ${info.res.resource}/${info.name} updating pod spec is not supported\n` });
      continue;
    }
    const errs: string[] = [];
    const patch = patchFor(info, path, images, errs);
    for (const m of errs) ctx.errors.push({ message: m });
    if (!patch) continue;
    const r = send(ctx, {
      verb: 'PATCH',
      path: pathFor(info.res, info.namespace, info.name),
      body: patch,
      patchType: 'application/strategic-merge-patch+json',
      query: { fieldManager: 'kubectl-set' },
      causeId: info.spanId,
    });
    if (r.code >= 300) {
      const s = statusOf(r.code, r.body);
      ctx.errors.push({ message: `failed to patch image update to pod template: ${s.message}` });
      continue;
    }
    ctx.stdout.push(`${qualifiedKind(info.res)}/${info.name} image updated\n`);
  }
}
