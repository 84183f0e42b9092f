/** Services and Ingresses in the cluster view; selecting one marks the pods behind it (ready endpoints or not). */
export function ServicesStrip() {
  return null;
}
