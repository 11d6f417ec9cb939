// Who acts on the web, for the audit trail: the signed-in operator by account name, or the unit's liaison
// by the unit's name; from a page ("web") or the API ("api").
import type { Context } from 'hono';
import type { Acting } from '../operations/audit/acting.ts';
import type { WebServices } from './routeSpec.ts';
import type { Principal } from './session.ts';

/** The actor a principal is in the trail; a unit's liaison is named by the unit's registry name. */
export function actorOf(principal: Principal, services: Pick<WebServices, 'registry'>): Acting['actor'] {
  if (principal.kind === 'operator') return { kind: 'operator', name: principal.name };
  const unit = services.registry.units.find((u) => u.code === principal.unitCode);
  return { kind: 'unit', name: unit ? `${unit.nameZh} ${unit.nameEn}` : principal.unitCode };
}

export function actingFor(
  c: Context,
  services: Pick<WebServices, 'registry' | 'audit'>,
  principal: Principal | null,
  actionId?: string,
): Acting | undefined {
  if (!principal) return undefined;
  return {
    actor: actorOf(principal, services),
    via: c.req.path.startsWith('/api/') ? 'api' : 'web',
    trail: services.audit,
    ...(actionId && { actionId }),
  };
}
