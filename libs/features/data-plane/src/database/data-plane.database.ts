import { DataFlowEntity } from '../flows/data-flow.entity';
import { CreateDataFlowTable1767700000000 } from './create-data-flow-table.migration';

/** Entities of the data-plane's schema (the outbox is added by ServiceRuntimeModule). */
export const DataPlaneEntities = [DataFlowEntity] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the data-plane's schema, in order. */
export const DataPlaneMigrations = [CreateDataFlowTable1767700000000] as (new (...args: any[]) => unknown)[];
