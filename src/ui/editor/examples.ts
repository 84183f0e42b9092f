/**
 * Example manifests for the editor's Examples menu. Each one tells a story on the diagram:
 * a Pod that runs, one the scheduler cannot place, one whose image does not exist, one that
 * finishes, a multi-document apply, and one kubectl rejects with a located error.
 */

/** An example: `id` names its i18n label (`editor:examples.<id>`). */
export interface Example {
  id: 'nginx' | 'deployment' | 'crashLoop' | 'cannotFit' | 'missingImage' | 'busyboxExits' | 'namespacePod' | 'typo';
  text: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'nginx',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
`,
  },
  {
    id: 'deployment',
    // Three replicas behind a readiness probe: kill one (Delete pod) and watch it come back;
    // change the image and Apply for a rolling update (25% surge / 25% unavailable).
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          readinessProbe:
            httpGet:
              path: /
              port: 80
          livenessProbe:
            httpGet:
              path: /
              port: 80
`,
  },
  {
    id: 'crashLoop',
    // The command exits 1 after a few seconds: restartPolicy Always, back-off 10s, 20s, 40s …
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: crasher
spec:
  replicas: 2
  selector:
    matchLabels:
      app: crasher
  template:
    metadata:
      labels:
        app: crasher
    spec:
      containers:
        - name: app
          image: busybox:1.36
          command: ["sh", "-c", "echo starting; sleep 5; exit 1"]
`,
  },
  {
    id: 'cannotFit',
    // Every worker has 2 CPU allocatable, so NodeResourcesFit rejects them all.
    text: `apiVersion: v1
kind: Pod
metadata:
  name: too-big
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: "3"
          memory: 128Mi
`,
  },
  {
    id: 'missingImage',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: no-such-image
spec:
  containers:
    - name: app
      image: nginx:does-not-exist
`,
  },
  {
    id: 'busyboxExits',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: hello
spec:
  restartPolicy: Never
  containers:
    - name: hello
      image: busybox:1.36
      command: ["sh", "-c", "echo hello from the pod"]
`,
  },
  {
    id: 'namespacePod',
    text: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Pod
metadata:
  name: cart
  namespace: shop
  labels:
    app: cart
spec:
  containers:
    - name: cart
      image: nginx:alpine
      ports:
        - containerPort: 80
`,
  },
  {
    id: 'typo',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: typo
spec:
  containers:
    - name: web
      imagez: nginx:1.27
`,
  },
];

/** The text a first-time visitor sees. */
export const DEFAULT_TEXT = EXAMPLES[0]!.text;
