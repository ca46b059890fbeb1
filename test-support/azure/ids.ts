// The made-up identities every test speaks of: one tenant, another tenant, one principal. Defined once.

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const OTHER_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a'
export const OBJECT_ID = '6f1f3a52-8c3b-4d8e-9f6e-1a2b3c4d5e6f'
export const APP_ID = 'a1b2c3d4-0000-4000-8000-0123456789ab'
