import { Principal, Role, ROLES } from './principal';

function scopesOf(claims: Record<string, unknown>): string[] {
  // RFC 9068 uses a space-separated `scope`; some IdPs send `scp` as an array.
  const raw = claims.scope ?? claims.scp;
  if (typeof raw === 'string') return raw.split(' ').filter(Boolean);
  if (Array.isArray(raw)) return raw.filter((s): s is string => typeof s === 'string');
  return [];
}

/** Maps verified JWT claims to the platform's principal. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const role = typeof claims.role === 'string' && (ROLES as readonly string[]).includes(claims.role) ? (claims.role as Role) : undefined;
  const clientId = [claims.client_id, claims.azp, claims.sub].find((v): v is string => typeof v === 'string' && v.length > 0);
  const participantContextId =
    typeof claims.participant_context_id === 'string' && claims.participant_context_id ? claims.participant_context_id : undefined;
  return { clientId: clientId ?? '', role, participantContextId, scopes: scopesOf(claims), claims };
}
