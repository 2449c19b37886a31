/** The CloudEvents types registry produces and consumes; their contracts live in schemas/events. */
export const COMMUNITY_CREATED = 'cn.sanshe.registry.community.created.v1';
export const COMMUNITY_UPDATED = 'cn.sanshe.registry.community.updated.v1';
export const RESIDENT_REGISTERED = 'cn.sanshe.registry.resident.registered.v1';
export const RESIDENT_MOVED = 'cn.sanshe.registry.resident.moved.v1';
export const PARTY_ORGANIZATION_JOINED_CO_BUILDING = 'cn.sanshe.registry.partyOrganization.joinedCoBuilding.v1';
export const PARTY_ORGANIZATION_LEFT_CO_BUILDING = 'cn.sanshe.registry.partyOrganization.leftCoBuilding.v1';
export const PROJECT_MATCHED = 'cn.sanshe.registry.project.matched.v1';
export const ACTIVITY_PUBLISHED = 'cn.sanshe.activities.activity.published.v1';
