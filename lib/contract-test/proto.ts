// RPCs from a .proto file: one case per method of each service.
import { MagiError, EXIT } from '../errors.js';

export interface RpcCase {
  name: string;
  service: string;
  method: string;
  requestType: string;
  streaming: boolean;
  todo?: string;
}

export interface ProtoPlan {
  /** Go import path and package name from `option go_package`, when set. */
  goImportPath?: string;
  goPackage?: string;
  services: string[];
  cases: RpcCase[];
}

export async function planProto(text: string, path: string): Promise<ProtoPlan> {
  const { default: protobuf } = await import('protobufjs');
  let parsed: ReturnType<typeof protobuf.parse>;
  try {
    parsed = protobuf.parse(text, { keepCase: true, alternateCommentMode: true });
  } catch (error) {
    throw new MagiError('contract-test.parse', `${path}: not a valid .proto file (${(error as Error).message})`, { exitCode: EXIT.contract, cause: error });
  }
  const services: string[] = [];
  const cases: RpcCase[] = [];
  const visit = (namespace: protobuf.NamespaceBase): void => {
    for (const nested of namespace.nestedArray) {
      if (nested instanceof protobuf.Service) {
        services.push(nested.name);
        for (const method of nested.methodsArray) {
          const streaming = Boolean(method.requestStream || method.responseStream);
          cases.push({
            name: `${nested.name}/${method.name}`,
            service: nested.name,
            method: method.name,
            requestType: method.requestType.split('.').pop() ?? method.requestType,
            streaming,
            todo: streaming ? 'TODO: streaming RPC; drive the stream by hand' : undefined,
          });
        }
      } else if (nested instanceof protobuf.Namespace) {
        visit(nested);
      }
    }
  };
  visit(parsed.root);
  if (cases.length === 0) throw new MagiError('contract-test.no-operations', `${path}: the proto file declares no service methods`, { exitCode: EXIT.contract });
  const goPackageOption = /option\s+go_package\s*=\s*"([^"]+)"/.exec(text)?.[1];
  const [rawImport, rawAlias] = goPackageOption ? goPackageOption.split(';') : [];
  // Both are pasted into Go code: only an import path and an identifier Go itself would accept (else the todo path).
  const importPath = rawImport && /^[A-Za-z0-9._~/-]+$/.test(rawImport) ? rawImport : undefined;
  const alias = rawAlias && /^[A-Za-z_][A-Za-z0-9_]*$/.test(rawAlias) ? rawAlias : undefined;
  const derived = importPath?.split('/').pop()?.replace(/[^A-Za-z0-9_]/g, '');
  return {
    goImportPath: importPath,
    goPackage: alias ?? (derived && /^[A-Za-z_]/.test(derived) ? derived : undefined),
    services,
    cases,
  };
}
