/** Addresses of the admin screens (Bahasa Indonesia paths, like the rest of the app). */
export const adminPaths = {
  jurisdictions: '/wilayah',
  jurisdiction: (code: string) => `/wilayah/${encodeURIComponent(code)}`,
  agencies: (code: string) => `/wilayah/${encodeURIComponent(code)}/instansi`,
  agency: (id: string) => `/instansi/${encodeURIComponent(id)}`,
  position: (id: string) => `/jabatan/${encodeURIComponent(id)}`,
  person: (id: string) => `/orang/${encodeURIComponent(id)}`,
  audit: '/audit',
};
