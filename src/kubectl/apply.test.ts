import { describe, expect, it } from 'vitest';
import { harness } from './testing.ts';
import { LAST_APPLIED } from './apply.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

async function applyText(text: string, h = harness()) {
  h.files['manifest.yaml'] = text;
  const r = await h.k('apply -f manifest.yaml');
  return { h, r, lines: (r.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.line) };
}

describe('kubectl apply: created / configured / unchanged', () => {
  it('creates, then reports unchanged, then configured after an edit', async () => {
    const h = harness();
    h.files['manifest.yaml'] = POD;
    expect(await h.k('apply -f manifest.yaml')).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 });
    expect((await h.k('apply -f manifest.yaml')).stdout).toBe('pod/web unchanged\n');
    h.files['manifest.yaml'] = POD.replace('app: web', 'app: web\n    tier: front');
    expect((await h.k('apply -f manifest.yaml')).stdout).toBe('pod/web configured\n');
    const live = h.cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/default/pods/web' }).body as { metadata: { labels: Record<string, string> } };
    expect(live.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    // Removing a label that was applied before deletes it (the three-way part).
    h.files['manifest.yaml'] = POD;
    expect((await h.k('apply -f manifest.yaml')).stdout).toBe('pod/web configured\n');
    const live2 = h.cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/default/pods/web' }).body as { metadata: { labels: Record<string, string> } };
    expect(live2.metadata.labels).toEqual({ app: 'web' });
  });

  it('writes the last-applied annotation as compact JSON with sorted keys, namespace and empty annotations', async () => {
    const { h } = await applyText(POD);
    const live = h.cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/default/pods/web' }).body as { metadata: { annotations: Record<string, string> } };
    expect(live.metadata.annotations[LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}\n',
    );
  });

  it('prints namespace/x created for cluster-scoped objects and sends GET then POST', async () => {
    const h = harness();
    const seen: string[] = [];
    const io = { ...h.io, request: (req: Parameters<typeof h.io.request>[0]) => (seen.push(`${req.verb} ${req.path}`), h.io.request(req)) };
    h.files['ns.yaml'] = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n';
    const { kubectl } = await import('./index.ts');
    expect((await kubectl(['apply', '-f', 'ns.yaml'], io)).stdout).toBe('namespace/team-a created\n');
    expect(seen).toEqual(['GET /api/v1/namespaces/team-a', 'POST /api/v1/namespaces']);
  });

  it('records a manifest → kubectl span carrying the JSON it sends', async () => {
    const h = harness();
    const spans: { from: string; to: string; kind: string; summary: string; payload?: unknown }[] = [];
    h.cluster.onSpan((s) => spans.push(s));
    await applyText(POD, h);
    const span = spans.find((s) => s.kind === 'kubectlApply')!;
    expect(span.from).toBe('manifest');
    expect(span.to).toBe('kubectl');
    expect(span.summary).toBe('kubectl read manifest.yaml, converted Pod web from YAML to JSON, and asks the API server for its current state (GET /api/v1/namespaces/default/pods/web).');
    // The conversion is the first hop: it comes before kubectl's GET.
    expect(spans[0]).toBe(span);
    expect((span.payload as { metadata: { name: string } }).metadata.name).toBe('web');
  });
});

describe('kubectl apply: errors and where they are in the file', () => {
  it('YAML syntax error: go-yaml style message, at its line', async () => {
    const { r, lines } = await applyText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c: d\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: error parsing manifest.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context\n');
    expect(lines).toEqual([7]);
  });

  it('unknown kind: resource mapping not found, at the kind value', async () => {
    const { r, h } = await applyText('apiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: web\n');
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "manifest.yaml": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first\n',
    );
    expect(r.diagnostics?.[0]).toMatchObject({ line: 2, column: 7, endLine: 2, endColumn: 16 });
    void h;
  });

  it('unknown apiVersion for a known kind points at apiVersion', async () => {
    const { r } = await applyText('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: web\n');
    expect(r.stderr).toContain('no matches for kind "Deployment" in version "apps/v1beta1"');
    expect(r.diagnostics?.[0]).toMatchObject({ line: 1, column: 13 });
  });

  it('missing kind / apiVersion', async () => {
    const { r } = await applyText('apiVersion: v1\nmetadata:\n  name: x\n');
    expect(r.stderr).toBe('error: unable to decode "manifest.yaml": Object \'Kind\' is missing in \'{"apiVersion":"v1","metadata":{"name":"x"}}\'\n');
  });

  it('missing required field: Invalid with the field, at the container mapping', async () => {
    const { r, lines } = await applyText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: noimage\nspec:\n  containers:\n  - name: c\n');
    expect(r.stderr.split('\n')[0]).toMatch(/^The Pod "noimage" is invalid: /);
    expect(r.stderr).toContain('spec.containers[0].image: Required value');
    expect(r.exitCode).toBe(1);
    expect(lines[0]).toBe(7);
  });

  it('unquoted yes where a string belongs: BadRequest, at the value', async () => {
    const { r, lines } = await applyText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    enabled: yes\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    expect(r.stderr).toBe(
      'Error from server (BadRequest): error when creating "manifest.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string\n',
    );
    expect(lines).toEqual([6]);
    expect(r.diagnostics?.[0]).toMatchObject({ column: 14, endColumn: 17 });
  });

  it('unknown field: strict decoding error, at the key', async () => {
    const { r, lines } = await applyText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    imagee: x\n');
    expect(r.stderr).toBe('Error from server (BadRequest): error when creating "manifest.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"\n');
    expect(lines).toEqual([9]);
    expect(r.diagnostics?.[0]).toMatchObject({ column: 5, endColumn: 11 });
  });

  it('DNS-1123 name violation: Invalid, at the name value', async () => {
    const { r, lines } = await applyText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: Web_1\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    expect(r.stderr).toMatch(/^The Pod "Web_1" is invalid: metadata\.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of/);
    expect(lines).toEqual([4]);
  });

  it('empty document set: no objects passed to apply', async () => {
    const { r } = await applyText('# just a comment\n---\n');
    expect(r).toMatchObject({ stdout: '', stderr: 'error: no objects passed to apply\n', exitCode: 1 });
  });

  it('multi-document file with one bad document: the others still apply, exit 1', async () => {
    const text = `${POD}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n`;
    const { r, lines, h } = await applyText(text);
    expect(r.stdout).toBe('pod/web created\nnamespace/team-a created\n');
    expect(r.stderr).toContain('The Pod "bad" is invalid');
    expect(r.exitCode).toBe(1);
    expect(lines[0]).toBe(18);
    expect(h.cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/team-a' }).code).toBe(200);
  });

  it('several failing documents print as an aggregate, one Error from server line each', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n---\napiVersion: v1\nkind: Nope\nmetadata:\n  name: b\n';
    const { r } = await applyText(text);
    const out = r.stderr.split('\n');
    expect(out[0]).toBe('resource mapping not found for name: "b" namespace: "" from "manifest.yaml": no matches for kind "Nope" in version "v1"');
    expect(out[1]).toBe('ensure CRDs are installed first');
    expect(out[2]).toMatch(/^Error from server \(Invalid\): error when creating "manifest.yaml": Pod "a" is invalid: /);
  });

  it('a missing file', async () => {
    const h = harness();
    expect(await h.k('apply -f nope.yaml')).toEqual({ stdout: '', stderr: 'error: the path "nope.yaml" does not exist\n', exitCode: 1 });
  });
});
