/** UI strings for network objects (network: Services, Ingresses, traffic). */
export default {} as Record<string, unknown>;
