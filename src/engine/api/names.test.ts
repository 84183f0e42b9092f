import { describe, expect, it } from 'vitest';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names.ts';
import { aggregate, errorString, invalid, notSupported, required, duplicate } from './field.ts';

describe('name and label validation', () => {
  it('DNS-1123 label message (with upstream double space)', () => {
    expect(isDNS1123Label('Web')).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1123Label('a'.repeat(64))[0]).toBe('must be no more than 63 characters');
  });

  it('DNS-1123 subdomain message', () => {
    expect(isDNS1123Subdomain('My_Pod')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isDNS1123Subdomain('web.example.com')).toEqual([]);
  });

  it('label keys and values', () => {
    expect(isQualifiedName('app.kubernetes.io/name')).toEqual([]);
    expect(isQualifiedName('bad key!')).toEqual([
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
    expect(isQualifiedName('Example.com/x')[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain/);
    expect(isValidLabelValue('-bad')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
    expect(isValidLabelValue('')).toEqual([]);
  });

  it('renders field errors as v1.34 does', () => {
    expect(errorString(required('spec.containers[0].image'))).toBe('spec.containers[0].image: Required value');
    expect(errorString(notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'OnFailure', 'Never']))).toBe(
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
    expect(errorString(duplicate('spec.containers[1].name', 'web'))).toBe('spec.containers[1].name: Duplicate value: "web"');
    expect(errorString(invalid('spec.x', { app: 'web' }, 'bad'))).toBe('spec.x: Invalid value: {"app":"web"}: bad');
    expect(errorString(invalid('spec.port', 70000, 'must be between 1 and 65535, inclusive'))).toBe(
      'spec.port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
    expect(aggregate([required('a'), required('b'), required('a')])).toBe('[a: Required value, b: Required value]');
  });
});
