// Errors the store raises; each names the file and says what to do next.

/** db.json is not valid JSON or not a store index. A copy of the bad file is kept before anything else touches it. */
export class StoreCorruptError extends Error {
  constructor(readonly file: string, readonly reason: string, readonly copy: string | undefined, storeDir: string) {
    super(
      `the store index ${file} is corrupt (${reason}).` +
        (copy ? ` A copy was kept at ${copy}.` : '') +
        ` Run \`aelab store repair --store ${storeDir}\` to rebuild it from the run folders.`,
    );
    this.name = 'StoreCorruptError';
  }
}

/** db.json was written by a newer aelab whose schema this one does not know. */
export class StoreVersionError extends Error {
  constructor(readonly file: string, readonly found: unknown, readonly supported: number) {
    super(
      `the store index ${file} has schema version ${JSON.stringify(found)}, but this version of aelab understands ` +
        `version ${supported} at most; upgrade Autoencoder Lab to open this store.`,
    );
    this.name = 'StoreVersionError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(readonly kind: 'run' | 'sweep', readonly id: string, file: string) {
    super(`no ${kind} with id ${id} in ${file}`);
    this.name = 'RecordNotFoundError';
  }
}
