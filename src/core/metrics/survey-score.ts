/** A survey score counts only as a whole number on its scale; anything else is a faulty answer. */
export function isScore(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
