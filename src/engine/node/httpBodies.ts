/**
 * What an HTTP server answers a `curl`/`wget` from inside the cluster with: a short, realistic
 * response per image (nginx's welcome page, httpd's "It works!", whoami's lines, http-echo's
 * text), ingress-nginx's error pages (404 no rule, 502/503/504 when its upstream fails), and an
 * empty reply from a non-HTTP server (redis, postgres …). A teaching model, not a web server.
 */
import type { Store } from '../apiserver/store.ts';
import type { RequestResult } from '../network/connect.ts';
import { parseImageRef } from '../registry/reference.ts';
import type { Container, V1Pod } from '../scheduler/types.ts';
import { processModel } from './process.ts';

export interface HttpResponse {
  status: number;
  reason: string;
  /** The status line and headers (`curl -I`). */
  headers: string;
  body: string;
  /** A non-HTTP server closed the connection (curl 52). */
  empty?: boolean;
}

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const REASONS: Record<number, string> = { 200: 'OK', 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

/** nginx's built-in error page (ingress-nginx serves it too). */
function nginxError(status: number): string {
  const t = `${status} ${REASONS[status]}`;
  return `<html>\r\n<head><title>${t}</title></head>\r\n<body>\r\n<center><h1>${t}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

function response(status: number, server: string | undefined, contentType: string, body: string): HttpResponse {
  const headers = `HTTP/1.1 ${status} ${REASONS[status] ?? ''}\r\n${server ? `Server: ${server}\r\n` : ''}Content-Type: ${contentType}\r\nContent-Length: ${new TextEncoder().encode(body).length}\r\n\r\n`;
  return { status, reason: REASONS[status] ?? '', headers, body };
}

function argValue(c: Container, flag: string): string | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `-${flag}` || a === `--${flag}`) return argv[i + 1];
    const m = new RegExp(`^--?${flag}=(.*)$`).exec(a);
    if (m) return m[1];
  }
  return undefined;
}

/** The answer of the pod's listening container to `GET path` with `Host: host`. */
function fromPod(pod: V1Pod, c: Container, ip: string, host: string, path: string, clientIP: string): HttpResponse {
  const image = c.image ?? '';
  const ref = parseImageRef(image);
  const repo = 'error' in ref ? image : ref.repository;
  const name = repo.slice(repo.lastIndexOf('/') + 1);
  const version = processModel(image).version;
  const hostname = String((pod.spec as { hostname?: string } | undefined)?.hostname ?? pod.metadata.name);
  switch (name) {
    case 'nginx':
      return path === '/' || path === '/index.html' ? response(200, `nginx/${version}`, 'text/html', NGINX_WELCOME) : { ...response(404, `nginx/${version}`, 'text/html', nginxError(404)) };
    case 'httpd':
      return response(200, `Apache/${version} (Unix)`, 'text/html', '<html><body><h1>It works!</h1></body></html>\n');
    case 'whoami':
      return response(200, undefined, 'text/plain; charset=utf-8',
        `Hostname: ${hostname}\nIP: 127.0.0.1\nIP: ::1\nIP: ${ip}\nRemoteAddr: ${clientIP}:43120\nGET ${path} HTTP/1.1\nHost: ${host}\nUser-Agent: curl/8.17.0\nAccept: */*\n\n`);
    case 'http-echo':
      return response(200, undefined, 'text/plain; charset=utf-8', `${argValue(c, 'text') ?? 'hello-world'}\n`);
    case 'echoserver':
      return response(200, 'echoserver', 'text/plain',
        `\n\nHostname: ${hostname}\n\nRequest Information:\n\tclient_address=${clientIP}\n\tmethod=GET\n\treal path=${path}\n\trequest_version=1.1\n\n` +
        `Request Headers:\n\taccept=*/*\n\thost=${host}\n\tuser-agent=curl/8.17.0\n\n`);
    case 'python':
      return response(200, 'SimpleHTTP/0.6 Python/3.13.7', 'text/html; charset=utf-8',
        '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n');
    case 'controller':
      return response(404, 'nginx', 'text/html', nginxError(404));
    default:
      return { status: 0, reason: '', headers: '', body: '', empty: true };
  }
}

/**
 * The HTTP response for a request that ended as `r`, or undefined when there was no TCP
 * connection to speak HTTP over (refused, timed out, no such host).
 */
export function httpResponse(store: Store, r: RequestResult, host: string, path: string, clientIP: string): HttpResponse | undefined {
  const viaIngress = 'route' in r;
  if (r.outcome === 'no-rule') return response(404, 'nginx', 'text/html', nginxError(404));
  if (r.outcome !== 'ok' || !r.backend) {
    if (!viaIngress) return undefined;
    const status = r.outcome === 'no-endpoints' ? 503 : r.outcome === 'refused' ? 502 : 504;
    return response(status, 'nginx', 'text/html', nginxError(status));
  }
  const pod = store.get('pods', r.backend.namespace, r.backend.pod) as V1Pod | undefined;
  const spec = pod?.spec as { containers?: Container[]; initContainers?: Container[] } | undefined;
  const c = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].find((x) => x.name === r.container);
  if (!pod || !c) return { status: 0, reason: '', headers: '', body: '', empty: true };
  return fromPod(pod, c, r.backend.ip, host, path, clientIP);
}
