/**
 * Example manifests for the editor's Examples menu. Each one tells a story on the diagram:
 * a Pod that runs, a Deployment, a Service to send traffic to, configuration injected from a
 * ConfigMap and a Secret, an Ingress, one the scheduler cannot place, one whose image does not
 * exist, one that finishes, a multi-document apply, and one kubectl rejects with a located error.
 */

/** An example: `id` names its i18n label (`editor:examples.<id>`). */
export interface Example {
  id: 'nginx' | 'deployment' | 'service' | 'config' | 'ingress' | 'crashLoop' | 'cannotFit' | 'missingImage' | 'busyboxExits' | 'namespacePod' | 'typo';
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
    id: 'service',
    // Ready pods only get traffic; the preStop sleep outlasts kube-proxy's sync, so a pod deleted
    // while requests flow (Send traffic on the Service, then Delete pod) costs no request.
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
          readinessProbe:
            httpGet:
              path: /
              port: http
            periodSeconds: 2
          lifecycle:
            preStop:
              sleep:
                seconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
`,
  },
  {
    id: 'config',
    // Env from a ConfigMap and a Secret, files from a volume: the pod's Env & files tab, its logs
    // (what the app read at start) and \`kubectl exec deploy/app -- env\` agree.
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: debug
  app.properties: |
    greeting=hello
    color=blue
---
apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
stringData:
  password: s3cr3t
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
        - name: app
          image: busybox:1.36
          command: ["sh", "-c", "echo LOG_LEVEL=$LOG_LEVEL; cat /etc/app/app.properties; sleep 3600"]
          env:
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef:
                  name: app-config
                  key: LOG_LEVEL
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db
                  key: password
          volumeMounts:
            - name: config
              mountPath: /etc/app
      volumes:
        - name: config
          configMap:
            name: app-config
`,
  },
  {
    id: 'ingress',
    // Two apps behind one host: ingress-nginx sends /cart to cart and the rest to front
    // (longest path wins). Traffic tab → http://shop.example/cart.
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: front
spec:
  replicas: 2
  selector:
    matchLabels:
      app: front
  template:
    metadata:
      labels:
        app: front
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  replicas: 2
  selector:
    matchLabels:
      app: cart
  template:
    metadata:
      labels:
        app: cart
    spec:
      containers:
        - name: echo
          image: hashicorp/http-echo:1.0
          args: ["-text=cart"]
          ports:
            - containerPort: 5678
---
apiVersion: v1
kind: Service
metadata:
  name: front
spec:
  selector:
    app: front
  ports:
    - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: cart
spec:
  selector:
    app: cart
  ports:
    - port: 80
      targetPort: 5678
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: front
                port:
                  number: 80
          - path: /cart
            pathType: Prefix
            backend:
              service:
                name: cart
                port:
                  number: 80
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
