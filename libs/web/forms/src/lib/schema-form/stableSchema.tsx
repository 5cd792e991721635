import { getDefaultRegistry } from '@rjsf/core';
import { deepEquals, useDeepCompareMemo, type ErrorSchema, type FieldProps, type Registry, type RJSFSchema, type SchemaUtilsType } from '@rjsf/utils';
import { useRef } from 'react';
import type { FormData } from './validator';

type FormRegistry = Registry<FormData, RJSFSchema>;

const RjsfObjectField = getDefaultRegistry<FormData, RJSFSchema>().fields.ObjectField;

/**
 * `schemaUtils` whose `retrieveSchema` hands back the object it returned last time for the same schema when the
 * new one is equal to it. rjsf's ObjectField retrieves its schema again whenever its data changes (each
 * keystroke) and gives every property the retrieved property schema: with a new object each time, all 300
 * fields of a form are compared deeply and re-rendered; with the same object only the field that changed is.
 */
function stableSchemaUtils(utils: SchemaUtilsType<FormData, RJSFSchema>): SchemaUtilsType<FormData, RJSFSchema> {
  const last = new WeakMap<object, RJSFSchema>();
  const stable = Object.create(utils) as SchemaUtilsType<FormData, RJSFSchema>;
  stable.retrieveSchema = (schema, formData, resolveAnyOfOrOneOfRefs) => {
    const retrieved = utils.retrieveSchema(schema, formData, resolveAnyOfOrOneOfRefs);
    const before = last.get(schema);
    if (before !== undefined && deepEquals(before, retrieved)) return before;
    last.set(schema, retrieved);
    return retrieved;
  };
  return stable;
}

const STABLE = new WeakMap<FormRegistry, FormRegistry>();

/** The registry with stable `retrieveSchema`, one per registry rjsf makes (and itself for one already made). */
function stableRegistry(registry: FormRegistry): FormRegistry {
  let stable = STABLE.get(registry);
  if (!stable) {
    stable = { ...registry, schemaUtils: stableSchemaUtils(registry.schemaUtils) };
    STABLE.set(registry, stable);
    STABLE.set(stable, stable);
  }
  return stable;
}

/**
 * `next` with each property's errors the object `before` had for it when equal (and `before` itself when all
 * are): live validation makes new error objects on every change, also for the fields it did not concern.
 */
function stableErrors(before: ErrorSchema<FormData> | undefined, next: ErrorSchema<FormData> | undefined): ErrorSchema<FormData> | undefined {
  if (before === next || !before || !next) return next;
  const out: Record<string, unknown> = {};
  let same = Object.keys(before).length === Object.keys(next).length;
  for (const [key, value] of Object.entries(next)) {
    const old = (before as Record<string, unknown>)[key];
    const kept = old !== undefined && deepEquals(old, value) ? old : value;
    if (kept !== old) same = false;
    out[key] = kept;
  }
  return same ? before : (out as ErrorSchema<FormData>);
}

/**
 * rjsf's ObjectField, re-rendering only the properties whose data, errors or schema changed. It is given the
 * same objects while they are equal: the retrieved schema (`stableRegistry`), its uiSchema (rjsf's SchemaField
 * copies it on every render, which changes a callback of every property) and the errors of each property.
 */
export function StableObjectField(props: FieldProps<FormData, RJSFSchema>) {
  const uiSchema = useDeepCompareMemo(props.uiSchema);
  const errors = useRef(props.errorSchema);
  const errorSchema = stableErrors(errors.current, props.errorSchema);
  errors.current = errorSchema;
  return <RjsfObjectField {...props} uiSchema={uiSchema} errorSchema={errorSchema} registry={stableRegistry(props.registry)} />;
}
