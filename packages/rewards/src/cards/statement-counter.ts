import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/** Counts the statements sent through a Kysely instance, in all and per kind (tests). */
export class StatementCounter implements KyselyPlugin {
  count = 0;
  readonly byKind = new Map<string, number>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    this.byKind.set(args.node.kind, (this.byKind.get(args.node.kind) ?? 0) + 1);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
  reset(): void {
    this.count = 0;
    this.byKind.clear();
  }
}
