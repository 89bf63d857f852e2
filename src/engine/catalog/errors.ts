/** A rule file that cannot be used, with where the problem is. */
export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly rule: string | undefined,
    readonly field: string | undefined,
    readonly problem: string,
  ) {
    const where = [file, rule ? `rule "${rule}"` : undefined, field ? `field "${field}"` : undefined]
      .filter(Boolean)
      .join(', ');
    super(`${where}: ${problem}`);
    this.name = 'CatalogError';
  }
}
