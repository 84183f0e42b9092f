/** Builders for the JSON Schemas of src/schema (draft-07, `x-go-type` for decode errors). */
export type S = Record<string, unknown>;

export const str = (description: string, extra: S = {}): S => ({ type: 'string', description, ...extra });
export const int32 = (description: string): S => ({ type: 'integer', format: 'int32', description });
export const int64 = (description: string): S => ({ type: 'integer', format: 'int64', description });
export const bool = (description: string): S => ({ type: 'boolean', description });
export const ref = (name: string, description?: string): S => ({ $ref: `#/definitions/${name}`, ...(description ? { description } : {}) });
export const arrayOf = (items: S, description: string): S => ({ type: 'array', items, description });
export const strMap = (description: string): S => ({ type: 'object', additionalProperties: { type: 'string' }, description, 'x-go-type': 'map[string]string' });
export const open = (description: string, goType: string): S => ({ type: 'object', description, 'x-go-type': goType });
export const quantity: S = {
  oneOf: [{ type: 'string' }, { type: 'number' }],
  description: 'A fixed-point number with an optional suffix: 500m, 1, 128Mi, 1Gi.',
  'x-go-type': 'resource.Quantity',
};
export const intOrString = (description: string): S => ({ oneOf: [{ type: 'integer' }, { type: 'string' }], description, 'x-go-type': 'intstr.IntOrString' });
export const quantityMap = (description: string): S => ({ type: 'object', additionalProperties: quantity, description, 'x-go-type': 'v1.ResourceList' });
export const struct = (goName: string, description: string, properties: S, required: string[] = []): S => ({
  type: 'object',
  description,
  'x-go-type': `v1.${goName}`,
  properties,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
});

export const typeMeta = (apiVersion: string, kind: string): S => ({
  apiVersion: str('Versioned schema of this representation of an object.', { enum: [apiVersion] }),
  kind: str('The REST resource this object represents.', { enum: [kind] }),
});

