import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireScopes, Roles } from '@dsaas/auth';
import { AUTH_ADMIN_SCOPE_READ, AUTH_ADMIN_SCOPE_WRITE } from '../config/auth-server-options';
import { ClientsService } from './clients.service';
import { CLIENT_CREDENTIALS_EXAMPLE, ClientCredentialsDto } from './dto/client-credentials.dto';
import { CLIENT_EXAMPLE, ClientDto } from './dto/client.dto';
import { CreateClientDto } from './dto/create-client.dto';

const problem = (status: number, code: string, title: string, detail?: string) => ({
  type: `https://dsaas.dev/problems/${code}`,
  title,
  status,
  code,
  ...(detail ? { detail } : {}),
});
const FORBIDDEN = { status: 403, description: 'Not an admin token with the needed scope', schema: { example: problem(403, 'forbidden', 'Forbidden') } };
const NOT_FOUND = {
  status: 404,
  description: 'No such client',
  schema: { example: problem(404, 'not_found', 'Not Found', "OAuth2 client 'acme-connector' was not found") },
};
const CLIENT_ID = { name: 'clientId', example: 'acme-connector' };

@ApiTags('auth-server admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @RequireScopes(AUTH_ADMIN_SCOPE_WRITE)
  @ApiOperation({ summary: 'Register an OAuth2 client; the answer holds its secret, shown this once' })
  @ApiBody({
    type: CreateClientDto,
    examples: {
      participant: { value: { clientId: 'acme-connector', role: 'participant', participantContextId: 'acme-ctx', scopes: ['management-api:read', 'management-api:write'] } },
      provisioner: { value: { role: 'provisioner', scopes: ['tenant-manager-api:write'] } },
    },
  })
  @ApiResponse({ status: 201, type: ClientCredentialsDto, schema: { example: CLIENT_CREDENTIALS_EXAMPLE } })
  @ApiResponse({ status: 400, description: 'Malformed body', schema: { example: problem(400, 'validation_failed', 'Bad Request') } })
  @ApiResponse({ status: 409, description: 'Client id taken', schema: { example: problem(409, 'client_conflict', 'Conflict') } })
  @ApiResponse(FORBIDDEN)
  async create(@Body() body: CreateClientDto): Promise<ClientCredentialsDto> {
    return ClientCredentialsDto.fromCredentials(await this.clients.create(body));
  }

  @Get()
  @RequireScopes(AUTH_ADMIN_SCOPE_READ)
  @ApiOperation({ summary: 'All registered clients, revoked ones included (never their secrets)' })
  @ApiResponse({ status: 200, type: [ClientDto], schema: { example: [CLIENT_EXAMPLE] } })
  @ApiResponse(FORBIDDEN)
  async list(): Promise<ClientDto[]> {
    return (await this.clients.list()).map(ClientDto.from);
  }

  @Get(':clientId')
  @RequireScopes(AUTH_ADMIN_SCOPE_READ)
  @ApiOperation({ summary: 'One client (never its secret)' })
  @ApiParam(CLIENT_ID)
  @ApiResponse({ status: 200, type: ClientDto, schema: { example: CLIENT_EXAMPLE } })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(FORBIDDEN)
  async get(@Param('clientId') clientId: string): Promise<ClientDto> {
    return ClientDto.from(await this.clients.get(clientId));
  }

  @Post(':clientId/rotate-secret')
  @HttpCode(200)
  @RequireScopes(AUTH_ADMIN_SCOPE_WRITE)
  @ApiOperation({ summary: 'Replace the client secret; the old one stops working at once' })
  @ApiParam(CLIENT_ID)
  @ApiBody({ required: false, description: 'No body', schema: { example: {} } })
  @ApiResponse({ status: 200, type: ClientCredentialsDto, schema: { example: CLIENT_CREDENTIALS_EXAMPLE } })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, description: 'The client is revoked', schema: { example: problem(409, 'client_conflict', 'Conflict') } })
  @ApiResponse(FORBIDDEN)
  async rotateSecret(@Param('clientId') clientId: string): Promise<ClientCredentialsDto> {
    return ClientCredentialsDto.fromCredentials(await this.clients.rotateSecret(clientId));
  }

  @Delete(':clientId')
  @HttpCode(204)
  @RequireScopes(AUTH_ADMIN_SCOPE_WRITE)
  @ApiOperation({ summary: 'Revoke the client: the token endpoint refuses it from now on (tokens already issued run out)' })
  @ApiParam(CLIENT_ID)
  @ApiResponse({ status: 204, description: 'Revoked (also when it already was)' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({
    status: 409,
    description: 'It is the last active admin client',
    schema: { example: problem(409, 'client_conflict', 'Conflict', 'The last active admin client cannot be revoked; create another admin client first') },
  })
  @ApiResponse(FORBIDDEN)
  async revoke(@Param('clientId') clientId: string): Promise<void> {
    await this.clients.revoke(clientId);
  }
}
