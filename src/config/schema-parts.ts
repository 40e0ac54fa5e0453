/**
 * The building blocks of the policy file's schema, shared by `schema.ts` and by the `when`
 * predicates and gates that declare their own keys. Each yields a TypeBox schema, so the
 * TypeScript type of a value and the JSON Schema that checks it come from one expression.
 * This file imports nothing of the project: whatever declares a piece of the policy may use it.
 */
import { type TSchema, Type } from "@sinclair/typebox";

/** GitHub's repository permissions, weakest first. */
export const PERMISSIONS = ["read", "triage", "write", "maintain", "admin"] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Extra = Record<string, unknown>;

/** A value from a fixed list, written as JSON Schema `enum` (the validator's messages name the choices). */
export const oneOf = <const Values extends readonly unknown[]>(values: Values, extra: Extra = {}) =>
  Type.Unsafe<Values[number]>({ enum: [...values], ...extra });

export const text = (description: string, extra: Extra = {}) => Type.String({ minLength: 1, description, ...extra });

export const list = <Item extends TSchema>(description: string, item: Item, extra: Extra = {}) =>
  Type.Array(item, { description, ...extra });

/** A list of minimatch globs. `format: glob` is checked by the validator (`globs.ts`); editors ignore it. */
export const globs = (description: string, extra: Extra = {}) =>
  list(description, Type.String({ minLength: 1, format: "glob", description: "A minimatch glob." }), extra);

export const strings = (description: string, extra: Extra = {}) => list(description, Type.String({ minLength: 1 }), extra);

export const count = (description: string, minimum: number, extra: Extra = {}) =>
  Type.Integer({ minimum, description, ...extra });

export const flag = (description: string, fallback: boolean) => Type.Boolean({ default: fallback, description });

export const mapping = <Properties extends Record<string, TSchema>>(description: string, properties: Properties, extra: Extra = {}) =>
  Type.Object(properties, { description, additionalProperties: false, ...extra });
