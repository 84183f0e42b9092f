/** UI strings for config objects (config: ConfigMaps, Secrets, container environment and files). */
export default {} as Record<string, unknown>;
