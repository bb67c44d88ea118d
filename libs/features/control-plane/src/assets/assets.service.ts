import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ContractAgreementRepository } from '../agreements/contract-agreement.repository';
import { QuerySpec } from '../common/query-spec';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { Asset } from './asset';
import { AssetConflictException } from './asset-conflict.exception';
import { AssetInUseException } from './asset-in-use.exception';
import { AssetNotFoundException } from './asset-not-found.exception';
import { AssetRepository } from './asset.repository';
import { AssetInput } from './parse-asset';

/** Asset use cases of the management API; every call is scoped to an existing participant context. */
@Injectable()
export class AssetsService {
  private readonly logger = new Logger('Assets');

  constructor(
    private readonly contexts: ParticipantContextsService,
    private readonly assets: AssetRepository,
    private readonly agreements: ContractAgreementRepository,
  ) {}

  async create(participantContextId: string, input: AssetInput): Promise<Asset> {
    await this.contexts.requireExists(participantContextId);
    const now = new Date();
    const asset: Asset = { participantContextId, ...input, id: input.id ?? randomUUID(), createdAt: now, updatedAt: now };
    if (!(await this.assets.insert(asset))) throw new AssetConflictException(asset.id);
    this.logger.log({ participantContextId, assetId: asset.id }, 'asset created');
    return asset;
  }

  async get(participantContextId: string, id: string): Promise<Asset> {
    await this.contexts.requireExists(participantContextId);
    const asset = await this.assets.find(participantContextId, id);
    if (!asset) throw new AssetNotFoundException(id);
    return asset;
  }

  async update(participantContextId: string, id: string, input: AssetInput): Promise<void> {
    await this.contexts.requireExists(participantContextId);
    if (!(await this.assets.update({ participantContextId, ...input, id }))) throw new AssetNotFoundException(id);
    this.logger.log({ participantContextId, assetId: id }, 'asset updated');
  }

  /** Refused with a 409 while a contract agreement in force names the asset, as EDC does. */
  async delete(participantContextId: string, id: string): Promise<void> {
    await this.contexts.requireExists(participantContextId);
    if (await this.agreements.existsForAsset(participantContextId, id)) throw new AssetInUseException(id);
    if (!(await this.assets.delete(participantContextId, id))) throw new AssetNotFoundException(id);
    this.logger.log({ participantContextId, assetId: id }, 'asset deleted');
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<Asset[]> {
    await this.contexts.requireExists(participantContextId);
    return this.assets.query(participantContextId, spec);
  }
}
