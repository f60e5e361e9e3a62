// import() of a package the bin keeps outside its bundle (Yeoman, the prompt UI).
// A script that V8 compiled from its code cache cannot call import() itself on
// Node 20 ("A dynamic import callback was not specified"), so the bin's launcher
// lends it one (bin/code-cache.ts); everywhere else this is a plain import().

type Importer = (specifier: string) => Promise<unknown>;

export function importExternal<T>(specifier: string): Promise<T> {
  const lent = (globalThis as { __magiImport?: Importer }).__magiImport;
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}
