/** JSON Schemas for Ingress (k8s.io/api networking/v1 types.go). */
import type { S } from './build.ts';

export const ingressDefinitions: Record<string, S> = {};
