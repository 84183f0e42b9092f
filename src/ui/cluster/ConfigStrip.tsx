/** ConfigMaps and Secrets in the cluster view; selecting one marks the pods that use it (env or volume). */
export function ConfigStrip() {
  return null;
}
