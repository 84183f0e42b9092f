/**
 * Ingress storage and admission: ingressStrategy.PrepareForCreate (status starts empty),
 * validation (pkg/apis/networking/validation), the DefaultIngressClass admission plugin
 * (plugin/pkg/admission/network/defaultingressclass: CREATE only; with several default classes
 * the newest wins, ties by name) and the ingress-nginx validating webhook
 * `validate.nginx.ingress.kubernetes.io` (internal/admission/controller, CheckIngress →
 * checkOverlap). IngressClass: SetDefaults_IngressClass and ValidateIngressClass(Update).
 */
import type { KubeObject } from '../types.ts';
import { validateIngress, validateIngressClass, validateIngressStatus } from '../api/ingressValidation.ts';
import { ANNOTATION_INGRESS_CLASS, checkOverlap, isNginxIngress } from '../network/ingressRouting.ts';
import { webhookDenied } from './errors.ts';
import type { KindHooks } from './kindHooks.ts';
import type { ApiServer } from './server.ts';

type Obj = Record<string, unknown>;

export const ANNOTATION_IS_DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';
export const NGINX_WEBHOOK = 'validate.nginx.ingress.kubernetes.io';

/** getDefaultClass: the IngressClasses annotated default, newest first, then by name. */
export function defaultIngressClass(classes: Iterable<KubeObject>): KubeObject | undefined {
  const defaults = [...classes].filter((c) => c.metadata.annotations?.[ANNOTATION_IS_DEFAULT_CLASS] === 'true');
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta > tb ? -1 : 1;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  });
  return defaults[0];
}

export const ingressHooks: KindHooks = {
  admit(server: ApiServer, obj: KubeObject, old: KubeObject | undefined): void {
    if (old) return; // DefaultIngressClass handles CREATE only
    // ingressStrategy.PrepareForCreate: the status is the controller's to write.
    obj.status = { loadBalancer: {} };
    const spec = (obj.spec ?? (obj.spec = {})) as Obj;
    if (spec.ingressClassName != null) return;
    if (obj.metadata.annotations?.[ANNOTATION_INGRESS_CLASS] !== undefined) return;
    const def = defaultIngressClass(server.store.list('ingressclasses'));
    if (def) spec.ingressClassName = def.metadata.name;
  },

  validate(obj: KubeObject, old: KubeObject | undefined, subresource?: string) {
    if (subresource === 'status') return validateIngressStatus(obj as Obj);
    return validateIngress(obj as Obj, old as Obj | undefined);
  },

  beforeCommit(server: ApiServer, obj: KubeObject, _old: KubeObject | undefined, opts: { dryRun: boolean; subresource?: string }): void {
    // The webhook's rules cover CREATE and UPDATE of `ingresses` (not ingresses/status); it is
    // side-effect free, so dry runs are checked too.
    if (opts.subresource || obj.metadata.deletionTimestamp) return;
    const classes = [...server.store.list('ingressclasses')];
    // CheckIngress ignores Ingresses that are not of its class.
    if (!isNginxIngress(obj, classes)) return;
    const others = [...server.store.list('ingresses')].filter((i) => isNginxIngress(i, classes));
    const msg = checkOverlap(obj, others);
    if (msg) throw webhookDenied(NGINX_WEBHOOK, msg);
  },
};

export const ingressClassHooks: KindHooks = {
  /** SetDefaults_IngressClass: parameters.scope defaults to Cluster. */
  defaults(obj: KubeObject): void {
    const params = (obj.spec as Obj | undefined)?.parameters as Obj | undefined;
    if (params && typeof params === 'object' && params.scope == null) params.scope = 'Cluster';
  },
  validate(obj: KubeObject, old: KubeObject | undefined) {
    return validateIngressClass(obj as Obj, old as Obj | undefined);
  },
};
