const seg = encodeURIComponent;

/** Where the plan-of-action screens live (RAD: Rencana Aksi Daerah). */
export const planPaths = {
  list: '/rad',
  /** The list narrowed to one jurisdiction. */
  listIn: (jurisdictionCode: string) => `/rad?wilayah=${seg(jurisdictionCode)}`,
  plan: (id: string) => `/rad/${seg(id)}`,
  /** The legal review page: version `to` (default: the newest) against `from` (default: the previous round). */
  review: (id: string, versions: { from?: number | null; to?: number | null } = {}) => {
    const query = new URLSearchParams();
    if (versions.from != null) query.set('dari', String(versions.from));
    if (versions.to != null) query.set('ke', String(versions.to));
    const text = query.toString();
    return `/rad/${seg(id)}/telaah${text ? `?${text}` : ''}`;
  },
  analytics: '/rad/analitik',
  analyticsIn: (jurisdictionCode: string) => `/rad/analitik?wilayah=${seg(jurisdictionCode)}`,
  /** A task page (the tasks screens own this address). */
  task: (id: string) => `/tugas/${seg(id)}`,
  /** The inbox narrowed to one plan's tasks, done or not. */
  tasksOf: (planId: string) => `/tugas?status=semua&prosesId=${seg(planId)}`,
};
