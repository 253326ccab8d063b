/** A JSON Schema node, as far as walking its fields needs. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  $defs?: Record<string, SchemaNode>;
  [key: string]: unknown;
}

export interface SchemaField {
  /** Dotted path from the shape: "place.name", "outcomes[].quote" for a field of an array's items. */
  readonly path: string;
  /** Every node the path names: one, or one per branch of a union that has it. */
  readonly nodes: SchemaNode[];
  /** Required wherever its parent object has it. */
  required: boolean;
  /** The values an enum or a union's constants allow, in schema order; empty for free values. */
  readonly values: string[];
}

/**
 * The fields of one shape: every property, nested objects and union branches included, down to (not into) a
 * `$ref` to another named shape, which has fields of its own.
 */
export function fieldsOf(shape: SchemaNode): Map<string, SchemaField> {
  const fields = new Map<string, SchemaField>();
  const walk = (node: SchemaNode, prefix: string): void => {
    if (node.$ref !== undefined) return;
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) walk(branch, prefix);
    if (node.items) walk(node.items, `${prefix}[]`);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const required = node.required?.includes(key) ?? false;
      let field = fields.get(path);
      if (!field) {
        field = { path, nodes: [], required, values: [] };
        fields.set(path, field);
      }
      field.nodes.push(child);
      field.required &&= required;
      for (const value of valuesOf(child)) if (!field.values.includes(value)) field.values.push(value);
      walk(child, path);
    }
  };
  walk(shape, '');
  return fields;
}

/** The enum values or constants a node allows, itself or through a union (a nullable enum, say). */
function valuesOf(node: SchemaNode): string[] {
  if (node.enum) return node.enum.map(String);
  if (node.const !== undefined) return [String(node.const)];
  return [...(node.anyOf ?? []), ...(node.oneOf ?? [])].flatMap(valuesOf);
}
