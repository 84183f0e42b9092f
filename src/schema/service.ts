/** JSON Schemas for Service, Endpoints and EndpointSlice (k8s.io/api core/v1, discovery/v1 types.go). */
import type { S } from './build.ts';

export const serviceDefinitions: Record<string, S> = {};
