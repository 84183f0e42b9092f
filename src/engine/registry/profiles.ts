/**
 * What the catalog's images do when run with their default command: the ports their server
 * listens on (the image's `ExposedPorts` and the server's default config), a typical working-set
 * memory, the lines they log at start-up and on stop, and how PID 1 reacts to the stop signal.
 * The runtime's process model (node/process.ts) reads these.
 *
 * Working sets are ASSUMPTIONS, rounded from `kubectl top pod` of an idle container with the
 * default configuration (nginx ~10Mi, redis ~10Mi, postgres ~40Mi, mysql ~400Mi, python's
 * http.server ~20Mi …): a container whose `resources.limits.memory` is below it is OOMKilled.
 */

const Mi = 1024 * 1024;

/** How a log line's `{ts}` is formatted (each server has its own). */
export type TsFormat = 'nginx' | 'redis' | 'postgres' | 'httpd' | 'iso';

export interface ImageProfile {
  /** What the default command does: serve forever, or exit at once with `exitCode`. */
  run: 'server' | 'exit';
  exitCode?: number;
  ports: readonly number[];
  workingSetBytes: number;
  /** Start-up log lines; `{ts}` is replaced by the time in `ts` format, `{version}` by the tag. */
  startLines: readonly string[];
  stopLines?: readonly string[];
  ts?: TsFormat;
  /** Exit code once the stop signal arrives; undefined = PID 1 ignores it and waits for SIGKILL. */
  stopExitCode?: number;
  /** The image's ENTRYPOINT when it is the server binary: `args` without `command` are its flags. */
  entrypoint?: string;
  /** Executables that start this image's server (a `command` naming one keeps running). */
  serverCommands?: readonly string[];
  /** The default command refuses to start without one of these environment variables. */
  requiresEnv?: { anyOf: readonly string[]; lines: readonly string[] };
  /** Version printed in `{version}` when the tag is not a version. */
  version?: string;
  /** Full versions of the catalog's minor tags (`1.27` → `1.27.5`). */
  versions?: Readonly<Record<string, string>>;
}

const NGINX_START = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
  '{ts} [notice] 1#1: using the "epoll" event method',
  '{ts} [notice] 1#1: nginx/{version}',
  '{ts} [notice] 1#1: OS: Linux 6.8.0-1015-gcp',
  '{ts} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
  '{ts} [notice] 1#1: start worker processes',
  '{ts} [notice] 1#1: start worker process 29',
  '{ts} [notice] 1#1: start worker process 30',
];
// The nginx image's STOPSIGNAL is SIGQUIT: a graceful shutdown that exits 0.
const NGINX_STOP = ['{ts} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down', '{ts} [notice] 1#1: exit'];

const SHELL: ImageProfile = { run: 'exit', exitCode: 0, ports: [], workingSetBytes: 1 * Mi, startLines: [] };

/** Profiles by normalized repository (`docker.io/library/nginx`). */
export const IMAGE_PROFILES: Readonly<Record<string, ImageProfile>> = {
  'docker.io/library/nginx': {
    run: 'server', ports: [80], workingSetBytes: 10 * Mi, startLines: NGINX_START, stopLines: NGINX_STOP, ts: 'nginx',
    stopExitCode: 0, serverCommands: ['nginx', '/docker-entrypoint.sh'], version: '1.29.3',
    versions: { '1.25': '1.25.5', '1.27': '1.27.5', '1.29': '1.29.3', alpine: '1.29.3', '1.27-alpine': '1.27.5' },
  },
  'docker.io/library/httpd': {
    run: 'server', ports: [80], workingSetBytes: 10 * Mi, ts: 'httpd', stopExitCode: 0, serverCommands: ['httpd-foreground', 'httpd'], version: '2.4.65',
    startLines: [
      'AH00558: httpd: Could not reliably determine the server\'s fully qualified domain name, using {ip}. Set the \'ServerName\' directive globally to suppress this message',
      '[{ts}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/{version} (Unix) configured -- resuming normal operations',
      '[{ts}] [core:notice] [pid 1:tid 1] AH00094: Command line: \'httpd -D FOREGROUND\'',
    ],
    stopLines: ['[{ts}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully'],
  },
  'docker.io/library/redis': {
    run: 'server', ports: [6379], workingSetBytes: 10 * Mi, ts: 'redis', stopExitCode: 0, serverCommands: ['redis-server', 'docker-entrypoint.sh'], version: '8.2.2',
    versions: { '7': '7.4.6', '7-alpine': '7.4.6' },
    startLines: [
      '1:C {ts} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C {ts} * Redis version={version}, bits=64, commit=00000000, modified=1, pid=1, just started',
      '1:C {ts} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M {ts} * monotonic clock: POSIX clock_gettime',
      '1:M {ts} * Running mode=standalone, port=6379.',
      '1:M {ts} * Server initialized',
      '1:M {ts} * Ready to accept connections tcp',
    ],
    stopLines: ['1:signal-handler ({ts}) Received SIGTERM scheduling shutdown...', '1:M {ts} # Redis is now ready to exit, bye bye...'],
  },
  'docker.io/library/postgres': {
    run: 'server', ports: [5432], workingSetBytes: 40 * Mi, ts: 'postgres', stopExitCode: 0, serverCommands: ['postgres', 'docker-entrypoint.sh'], version: '17.6',
    versions: { '16': '16.10', '17': '17.6' },
    requiresEnv: {
      anyOf: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'],
      lines: [
        'Error: Database is uninitialized and superuser password is not specified.',
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      ],
    },
    startLines: [
      '{ts} UTC [1] LOG:  starting PostgreSQL {version} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit',
      '{ts} UTC [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432',
      '{ts} UTC [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
      '{ts} UTC [1] LOG:  database system is ready to accept connections',
    ],
    stopLines: ['{ts} UTC [1] LOG:  received fast shutdown request', '{ts} UTC [1] LOG:  database system is shut down'],
  },
  'docker.io/library/mysql': {
    run: 'server', ports: [3306, 33060], workingSetBytes: 400 * Mi, ts: 'iso', stopExitCode: 0, serverCommands: ['mysqld', 'docker-entrypoint.sh'], version: '8.4.6',
    requiresEnv: {
      anyOf: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
      lines: [
        '{ts} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
        '    You need to specify one of the following as an environment variable:',
        '    - MYSQL_ROOT_PASSWORD',
        '    - MYSQL_ALLOW_EMPTY_PASSWORD',
        '    - MYSQL_RANDOM_ROOT_PASSWORD',
      ],
    },
    startLines: ['{ts} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: \'{version}\'  socket: \'/var/run/mysqld/mysqld.sock\'  port: 3306  MySQL Community Server - GPL.'],
  },
  'docker.io/traefik/whoami': {
    run: 'server', ports: [80], workingSetBytes: 5 * Mi, stopExitCode: 2, entrypoint: '/whoami', serverCommands: ['/whoami', 'whoami'], startLines: ['{ts} Starting up on port 80'], ts: 'iso',
  },
  'docker.io/hashicorp/http-echo': {
    run: 'server', ports: [5678], workingSetBytes: 5 * Mi, stopExitCode: 0, entrypoint: '/http-echo', serverCommands: ['/http-echo', 'http-echo'], ts: 'iso',
    startLines: ['{ts} [INFO] server is listening on :5678'], stopLines: ['{ts} [INFO] received interrupt, shutting down...'],
  },
  'registry.k8s.io/echoserver': {
    run: 'server', ports: [8080, 8443], workingSetBytes: 10 * Mi, stopExitCode: 0, serverCommands: ['/usr/local/bin/run.sh', 'nginx'], startLines: ['Generating self-signed cert'],
  },
  'registry.k8s.io/e2e-test-images/agnhost': {
    run: 'exit', exitCode: 0, ports: [], workingSetBytes: 10 * Mi, stopExitCode: 0, entrypoint: '/agnhost', serverCommands: ['/agnhost', 'agnhost'], startLines: ['Usage:', '  agnhost [flags]', '  agnhost [command]'],
  },
  'registry.k8s.io/ingress-nginx/controller': {
    run: 'server', ports: [80, 443, 10254], workingSetBytes: 100 * Mi, stopExitCode: 0, serverCommands: ['/nginx-ingress-controller'],
    startLines: ['-------------------------------------------------------------------------------', 'NGINX Ingress controller', '  Release:       v1.12.0'],
  },
  'registry.k8s.io/pause': { run: 'server', ports: [], workingSetBytes: 1 * Mi, startLines: [], stopExitCode: 0 },
  'docker.io/curlimages/curl': {
    run: 'exit', exitCode: 2, ports: [], workingSetBytes: 2 * Mi,
    startLines: ['curl: try \'curl --help\' or \'curl --manual\' for more information'],
  },
  'docker.io/library/busybox': SHELL,
  'docker.io/library/alpine': SHELL,
  'docker.io/library/ubuntu': { ...SHELL, workingSetBytes: 2 * Mi },
  'docker.io/library/debian': { ...SHELL, workingSetBytes: 2 * Mi },
  'docker.io/library/golang': { ...SHELL, workingSetBytes: 2 * Mi },
  // Without a TTY the REPLs read EOF from stdin and exit 0.
  'docker.io/library/python': { ...SHELL, workingSetBytes: 20 * Mi, serverCommands: ['python', 'python3'] },
  'docker.io/library/node': { ...SHELL, workingSetBytes: 40 * Mi },
};

/** An image pushed with `sim image push`, or not in the table: a server on no port, 16Mi. */
export const UNKNOWN_PROFILE: ImageProfile = { run: 'server', ports: [], workingSetBytes: 16 * Mi, startLines: [], stopExitCode: 0 };

/** The profile of a normalized repository. */
export function imageProfile(repository: string): ImageProfile {
  return IMAGE_PROFILES[repository] ?? UNKNOWN_PROFILE;
}
