import { assertNever } from "../../domain/shared/decider.ts";
import type { FieldCondition, VectorFilter } from "../../ports/vectorIndex.ts";

/** The statements of the offline vector index, on its live tables or a rebuild's beside them. */
export function upsertSql(records: string, namespaces: string): string {
  return `
with next as (select nextval('vector_namespace_versions') as version),
namespace as (
  insert into ${namespaces} (namespace, version, reset_version) select $1, next.version, next.version from next
  on conflict (namespace) do update set version = excluded.version
  returning namespace, version
)
insert into ${records} (namespace, id, vector, metadata, version)
select namespace.namespace, r.id, r.vector, r.metadata, namespace.version
from namespace, unnest($2::text[], $3::bytea[], $4::jsonb[]) as r (id, vector, metadata)
on conflict (namespace, id) do update set vector = excluded.vector, metadata = excluded.metadata,
  version = excluded.version, updated_at = now()`;
}

export function deleteSql(records: string, namespaces: string): string {
  return `
with next as (select nextval('vector_namespace_versions') as version),
namespace as (
  update ${namespaces} set version = next.version, reset_version = next.version from next where namespace = $1
  returning namespace
)
delete from ${records} r using namespace where r.namespace = namespace.namespace and r.id = any($2::text[])`;
}

/** The tables of an index: the live ones, or a rebuild's beside them. */
export function vectorTables(suffix = ""): { records: string; namespaces: string } {
  if (!/^[a-z0-9_]{0,40}$/.test(suffix))
    throw new Error(`vector table suffix ${JSON.stringify(suffix)} is not allowed`);
  return { records: `vector_records${suffix}`, namespaces: `vector_namespaces${suffix}` };
}

/** The filter as a SQL condition on `r.metadata`, its operands appended to `params`. */
export function filterSql(filter: VectorFilter, params: unknown[]): string {
  const parts: string[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field === "$and") {
      for (const part of condition as VectorFilter[]) parts.push(filterSql(part, params));
      continue;
    }
    const value = `(r.metadata -> $${params.push(field)}::text)`;
    for (const [operator, operand] of Object.entries(condition as FieldCondition)) {
      const op = operator as keyof FieldCondition;
      switch (op) {
        // `@>` is equality on a scalar and "has an element equal to" on a list.
        case "$eq":
          parts.push(`${value} @> $${params.push(JSON.stringify(operand))}::jsonb`);
          break;
        case "$in":
          parts.push(
            `${value} @> any($${params.push((operand as unknown[]).map((v) => JSON.stringify(v)))}::jsonb[])`,
          );
          break;
        case "$gte":
        case "$lte":
          parts.push(
            `case when jsonb_typeof(${value}) = 'number' then ${value}::numeric ${op === "$gte" ? ">=" : "<="} $${params.push(operand)}::numeric else false end`,
          );
          break;
        default:
          return assertNever(op);
      }
    }
  }
  return `(${parts.join(" and ")})`;
}
