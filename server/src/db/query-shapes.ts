// Kysely builds and compiles a query anew on every call: on an instance list that was a tenth of
// the request. A list's SQL depends only on its shape (which filters are given, how many values an
// `in` list holds, a selector's operators, whether there is a cursor, the page size), not on the
// values, so each shape is compiled once, with a placeholder string for every string value, and
// afterwards a request only puts its values in their places.
//
// The contract for `build`: it may test whether a value is given and how many there are, but must
// use the strings of `args` only as bound values, never branch on their content or edit them;
// strings that decide the SQL (a selector's operators) go in `structure`, which is taken as it is.
// An edited value (a placeholder found inside a parameter or the SQL text) throws on first use.
import type { CompiledQuery } from 'kysely';
import type { SqlAndParameters } from './array-rows.js';

const MARK = '\u0000cnx:';
const PLACEHOLDER = /^\u0000cnx:(\d+)$/;
// Distinct shapes of one query: a few hundred at most. The bound stops an unforeseen source of
// shapes from growing forever.
const MAX_SHAPES = 1000;

/** Where a compiled query's parameter comes from: a string of the arguments, or the shape itself. */
type Slot = { value: number } | { constant: unknown };

export class QueryShapes<A, S = null> {
  private readonly shapes = new Map<string, { sql: string; slots: Slot[] }>();

  constructor(private readonly build: (args: A, structure: S) => { compile(): CompiledQuery }) {}

  compile(args: A, structure: S): SqlAndParameters {
    const values: string[] = [];
    // The arguments with every string replaced by its placeholder: with the structure, the
    // shape's key, and (parsed back, on a miss) what the shape is built from.
    const placeheld = JSON.stringify(args, (_name, value: unknown) => (typeof value === 'string' ? `${MARK}${values.push(value) - 1}` : value));
    const key = `${JSON.stringify(structure)}\n${placeheld}`;
    let shape = this.shapes.get(key);
    if (shape === undefined) {
      shape = this.compileShape(JSON.parse(placeheld) as A, structure);
      if (this.shapes.size >= MAX_SHAPES) this.shapes.delete(this.shapes.keys().next().value as string);
      this.shapes.set(key, shape);
    }
    const parameters = shape.slots.map((slot) => ('value' in slot ? values[slot.value] : slot.constant));
    return { sql: shape.sql, parameters };
  }

  private compileShape(placeholders: A, structure: S): { sql: string; slots: Slot[] } {
    const compiled = this.build(placeholders, structure).compile();
    if (compiled.sql.includes(MARK)) throw new Error('QueryShapes: a string argument was written into the SQL text');
    const slots = compiled.parameters.map((parameter): Slot => {
      if (typeof parameter !== 'string' || !parameter.includes(MARK)) return { constant: parameter };
      const match = PLACEHOLDER.exec(parameter);
      if (!match) throw new Error('QueryShapes: a string argument was changed before being bound');
      return { value: Number(match[1]) };
    });
    return { sql: compiled.sql, slots };
  }
}
