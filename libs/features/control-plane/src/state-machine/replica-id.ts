import { randomUUID } from 'crypto';
import { hostname } from 'os';

/** This process's name as a lease owner: unique per process, readable in the table (host + random suffix). */
export const REPLICA_ID = `${hostname().slice(0, 60)}-${process.pid}-${randomUUID().slice(0, 8)}`;
