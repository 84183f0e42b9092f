import { describe, expect, it } from 'vitest';
import { harness } from './testing.ts';
import { parseEnvFile, parseFileSource, parseLiteralSource } from './create.ts';

const KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe('kubectl create source parsing (util.ParseLiteralSource / ParseFileSource / AddFromEnvFile)', () => {
  it('parses like upstream', () => {
    expect(parseLiteralSource('a=b=c')).toEqual(['a', 'b=c']);
    expect(parseLiteralSource(`k="quoted"`)).toEqual(['k', 'quoted']);
    expect(() => parseLiteralSource('=x')).toThrow('invalid literal source =x, expected key=value');
    expect(() => parseLiteralSource('novalue')).toThrow('invalid literal source novalue, expected key=value');
    expect(parseFileSource('conf/app.properties')).toEqual(['app.properties', 'conf/app.properties']);
    expect(parseFileSource('k=conf/a')).toEqual(['k', 'conf/a']);
    expect(() => parseFileSource('=a')).toThrow('key name for file path a missing');
    expect(() => parseFileSource('k=')).toThrow('file path for key name k missing');
    expect(() => parseFileSource('a=b=c')).toThrow("key names or file paths cannot contain '='");
    expect(parseEnvFile('\uFEFF# c\n\n  A=1\r\nB=x=y\nC\n')).toEqual([
      ['A', '1'],
      ['B', 'x=y'],
      ['C', ''],
    ]);
    expect(() => parseEnvFile('1A=x')).toThrow(
      `"1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
    );
  });
});

describe('kubectl create configmap', () => {
  it('creates from literals, files and env files; get shows DATA', async () => {
    const h = harness();
    h.files['conf/app.properties'] = 'mode=dev\n';
    h.files['.env'] = 'LOG=debug\nPORT=8080\n';
    expect(await h.k('create configmap app --from-literal=MODE=dev --from-file=conf/app.properties --from-file=alias=conf/app.properties')).toEqual({
      stdout: 'configmap/app created\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await h.k('create cm env --from-env-file=.env')).stdout).toBe('configmap/env created\n');
    const cm = (await h.k('get configmap app -o yaml')).stdout;
    expect(cm).toContain('data:\n  MODE: dev\n  alias: |\n    mode=dev\n  app.properties: |\n    mode=dev\nkind: ConfigMap\n');
    expect((await h.k('get cm')).stdout).toBe('NAME   DATA   AGE\napp    3      0s\nenv    2      0s\n');
  });

  it('prints the object with --dry-run=client -o yaml and sends nothing', async () => {
    const h = harness();
    expect((await h.k('create configmap x --from-literal=a=1 --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: x\n',
    );
    expect((await h.k('create configmap x --dry-run=client')).stdout).toBe('configmap/x created (dry run)\n');
    expect((await h.k('create configmap x -n kube-system --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: kube-system\n',
    );
    expect((await h.k('get cm x')).stderr).toBe('Error from server (NotFound): configmaps "x" not found\n');
  });

  it('answers bad input with kubectl and API server wording', async () => {
    const h = harness();
    const err = async (line: string) => (await h.k(line)).stderr;
    await h.k('create configmap x');
    expect(await err('create configmap x')).toBe('error: failed to create configmap: configmaps "x" already exists\n');
    expect(await err('create configmap')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples\n");
    expect(await err('create configmap y --from-literal=a/b=1')).toBe(`error: "a/b" is not a valid key name for a ConfigMap: ${KEY_MSG}\n`);
    expect(await err('create configmap y --from-literal=a=1 --from-literal=a=2')).toBe(
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "y"\n',
    );
    expect(await err('create configmap y --from-file=missing.txt')).toBe('error: error reading missing.txt: no such file or directory\n');
    expect(await err('create configmap y --from-env-file=a --from-literal=b=c')).toBe('error: from-env-file cannot be combined with from-file or from-literal\n');
    expect(await err('create configmap Bad')).toMatch(/^error: failed to create configmap: ConfigMap "Bad" is invalid: metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain/);
  });
});

describe('kubectl create secret', () => {
  it('generic: base64 data, type Opaque; get secrets and -o yaml', async () => {
    const h = harness();
    h.files['pw.txt'] = 's3cr3t';
    expect((await h.k('create secret generic db --from-literal=user=admin --from-file=password=pw.txt')).stdout).toBe('secret/db created\n');
    const y = (await h.k('get secret db -o yaml')).stdout;
    expect(y).toContain('apiVersion: v1\ndata:\n  password: czNjcjN0\n  user: YWRtaW4=\nkind: Secret\n');
    expect(y).toContain('\ntype: Opaque\n');
    expect((await h.k('get secrets')).stdout).toBe('NAME   TYPE     DATA   AGE\ndb     Opaque   2      0s\n');
    expect((await h.k('create secret generic db2 --from-literal=a=b --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\ndata:\n  a: Yg==\nkind: Secret\nmetadata:\n  name: db2\n',
    );
  });

  it('tls and docker-registry build the typed secrets', async () => {
    const h = harness();
    h.files['tls.crt'] = 'CERT';
    h.files['tls.key'] = 'KEY';
    expect((await h.k('create secret tls web-tls --cert=tls.crt --key=tls.key')).stdout).toBe('secret/web-tls created\n');
    expect((await h.k('get secret web-tls')).stdout).toBe('NAME      TYPE                DATA   AGE\nweb-tls   kubernetes.io/tls   2      0s\n');
    expect((await h.k('create secret docker-registry reg --docker-username=u --docker-password=p --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiYXV0aCI6ImRUcHcifX19\nkind: Secret\nmetadata:\n  name: reg\ntype: kubernetes.io/dockerconfigjson\n',
    );
    expect((await h.k('create secret docker-registry reg')).stderr).toBe(
      'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
    );
    expect((await h.k('create secret tls t --cert=tls.crt')).stderr).toBe('error: key and cert must be specified\n');
  });

  it('answers bad input as kubectl does', async () => {
    const h = harness();
    const err = async (line: string) => (await h.k(line)).stderr;
    expect(await err('create secret generic s --from-literal=a/b=1')).toBe(`error: "a/b" is not valid key name for a Secret ${KEY_MSG}\n`);
    expect(await err('create secret generic s --from-literal=a=1 --from-literal=a=2')).toBe('error: cannot add key a, another key by that name already exists\n');
    expect(await err('create secret generic s --type=kubernetes.io/tls --from-literal=tls.crt=x')).toBe(
      'error: failed to create secret: Secret "s" is invalid: data[tls.key]: Required value\n',
    );
    await h.k('create secret generic s');
    expect(await err('create secret generic s')).toBe('error: failed to create secret: secrets "s" already exists\n');
  });
});

describe('kubectl describe configmap|secret', () => {
  it('prints values of a ConfigMap and only sizes of a Secret', async () => {
    const h = harness();
    await h.k('create configmap app --from-literal=MODE=dev');
    await h.k('create secret generic db --from-literal=user=admin --from-literal=password=s3cr3t');
    expect((await h.k('describe configmap app')).stdout).toBe(
      'Name:         app\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nMODE:\n----\ndev\n\n\nBinaryData\n====\n\nEvents:  <none>\n',
    );
    expect((await h.k('describe secret db')).stdout).toBe(
      'Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\nuser:      5 bytes\n',
    );
  });
});

describe('kubectl apply of a Secret with stringData', () => {
  it('re-applying changed stringData updates data; a removed stringData key leaves data alone', async () => {
    const h = harness();
    const secret = (sd: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n${sd}`;
    h.files['s.yaml'] = secret('  a: one\n  b: two\n');
    expect((await h.k('apply -f s.yaml')).stdout).toBe('secret/api created\n');
    h.files['s.yaml'] = secret('  a: uno\n');
    expect((await h.k('apply -f s.yaml')).stdout).toBe('secret/api configured\n');
    expect((await h.k('get secret api -o yaml')).stdout).toContain('data:\n  a: dW5v\n  b: dHdv\nkind: Secret\n');
  });
});
